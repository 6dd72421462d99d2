import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Outbound webhook signature: `Tollgate-Signature: t=<unix seconds>,v1=<hex HMAC-SHA-256 of "t.body">`.
 * Signing the timestamp with the body lets receivers reject replays older than their tolerance.
 */
export const SIGNATURE_HEADER = 'Tollgate-Signature';

export function signPayload(secret: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

/** What a receiver does (documented in docs/modules/webhooks.md; used by tests and the fake receiver). */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signPayload(secret, t, body).split('v1=')[1], 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
