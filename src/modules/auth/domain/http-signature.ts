import { createHash } from 'node:crypto';
import { InnerList, parseDictionary, serializeInnerList } from 'structured-headers';
import { UnauthenticatedError } from '../../../shared/domain/domain-error';

/**
 * RFC 9421 HTTP Message Signatures (verification side) with RFC 9530 Content-Digest, for requests signed
 * by a service account's Ed25519 key. Pure: the caller supplies the request's parts and the clock.
 */

/** Components every signature must cover, and parameters it must carry. */
export const REQUIRED_COMPONENTS = ['@method', '@path', 'content-digest'] as const;
export const REQUIRED_PARAMS = ['created', 'nonce', 'keyid'] as const;

export interface SignedRequestView {
  method: string;
  /** Path and query as received (origin-form request target). */
  target: string;
  authority: string;
  scheme: string;
  /** Lower-case field names. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface SignatureToVerify {
  label: string;
  keyId: string;
  nonce: string;
  created: number;
  expires: number | null;
  /** The signature base (RFC 9421 §2.5), UTF-8. */
  base: string;
  signature: Buffer;
}

/** Byte sequences parse to ArrayBuffers (checked by tag: jest runs code in another realm). */
const isBytes = (v: unknown): v is ArrayBuffer =>
  Object.prototype.toString.call(v) === '[object ArrayBuffer]';

const refuse = (message: string, code = 'invalid_signature') => new UnauthenticatedError(message, code);

const header = (view: SignedRequestView, name: string): string | undefined => {
  const v = view.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
};

/** RFC 9421 §2.2 derived components and §2.1 fields, for the components Tollgate accepts. */
function componentValue(view: SignedRequestView, name: string): string {
  const q = view.target.indexOf('?');
  const path = q < 0 ? view.target : view.target.slice(0, q);
  switch (name) {
    case '@method':
      return view.method.toUpperCase();
    case '@path':
      return path || '/';
    case '@query':
      return q < 0 ? '?' : view.target.slice(q);
    case '@authority':
      return view.authority.toLowerCase();
    case '@scheme':
      return view.scheme.toLowerCase();
    case '@target-uri':
      return `${view.scheme.toLowerCase()}://${view.authority.toLowerCase()}${view.target}`;
    case '@request-target':
      return view.target;
  }
  if (name.startsWith('@')) throw refuse(`Unsupported derived component ${name}`);
  const value = header(view, name);
  if (value === undefined) throw refuse(`Covered field ${name} is missing from the request`);
  return value.trim();
}

/**
 * Parses Signature-Input and Signature and builds the signature base of the first signature (or of
 * `label`). Refuses signatures that do not cover the required components and parameters.
 */
export function signatureToVerify(view: SignedRequestView): SignatureToVerify {
  const inputHeader = header(view, 'signature-input');
  const signatureHeader = header(view, 'signature');
  if (!inputHeader || !signatureHeader) throw refuse('Signature-Input and Signature are both required');
  let inputs;
  let signatures;
  try {
    inputs = parseDictionary(inputHeader);
    signatures = parseDictionary(signatureHeader);
  } catch {
    throw refuse('Signature-Input or Signature is not a structured field dictionary', 'malformed_signature');
  }
  const label = [...inputs.keys()].find((l) => signatures.has(l));
  if (!label) throw refuse('No Signature matches a Signature-Input label', 'malformed_signature');
  const input = inputs.get(label)!;
  const sig = signatures.get(label)!;
  if (!Array.isArray(input[0]) || !isBytes(sig[0]))
    throw refuse(
      'Signature-Input must be an inner list and Signature a byte sequence',
      'malformed_signature',
    );
  const inner = input as InnerList;
  const components = inner[0].map(([name, params]) => {
    if (typeof name !== 'string' || params.size)
      throw refuse('Covered components must be plain strings without parameters', 'malformed_signature');
    return name;
  });
  const missing = REQUIRED_COMPONENTS.filter((c) => !components.includes(c));
  if (missing.length)
    throw refuse(`The signature must cover ${missing.join(', ')}`, 'insufficient_signature');
  const params = inner[1];
  const missingParams = REQUIRED_PARAMS.filter((p) => !params.has(p));
  if (missingParams.length)
    throw refuse(`The signature must carry ${missingParams.join(', ')}`, 'insufficient_signature');
  const created = params.get('created');
  const expires = params.has('expires') ? params.get('expires') : null;
  const keyId = params.get('keyid');
  const nonce = params.get('nonce');
  const alg = params.get('alg');
  if (!Number.isInteger(created) || (expires !== null && !Number.isInteger(expires)))
    throw refuse('created and expires must be integers (seconds)', 'malformed_signature');
  if (typeof keyId !== 'string' || typeof nonce !== 'string' || !nonce || nonce.length > 256)
    throw refuse('keyid and nonce must be strings (nonce up to 256 characters)', 'malformed_signature');
  if (alg !== undefined && alg !== 'ed25519')
    throw refuse('Only alg="ed25519" is accepted', 'unsupported_algorithm');
  const lines = components.map((c) => `${JSON.stringify(c)}: ${componentValue(view, c)}`);
  lines.push(`"@signature-params": ${serializeInnerList(inner)}`);
  return {
    label,
    keyId,
    nonce,
    created: created as number,
    expires: expires as number | null,
    base: lines.join('\n'),
    signature: Buffer.from(sig[0] as ArrayBuffer),
  };
}

/** RFC 9530: every sha-256 / sha-512 digest in Content-Digest must match the body; at least one is required. */
export function checkContentDigest(view: SignedRequestView): void {
  const value = header(view, 'content-digest');
  if (!value) throw refuse('Content-Digest is required', 'content_digest_mismatch');
  let digests;
  try {
    digests = parseDictionary(value);
  } catch {
    throw refuse('Content-Digest is not a structured field dictionary', 'content_digest_mismatch');
  }
  let checked = 0;
  for (const [alg, [digest]] of digests) {
    if (alg !== 'sha-256' && alg !== 'sha-512') continue;
    if (!isBytes(digest)) throw refuse('Content-Digest values are byte sequences', 'content_digest_mismatch');
    const actual = createHash(alg.replace('-', '')).update(view.body).digest('base64');
    if (actual !== Buffer.from(digest).toString('base64'))
      throw refuse('Content-Digest does not match the body', 'content_digest_mismatch');
    checked++;
  }
  if (!checked) throw refuse('Content-Digest needs a sha-256 or sha-512 digest', 'content_digest_mismatch');
}

/** `created` within ±maxSkew of now, and `expires` (if given) not passed. Seconds. */
export function checkFreshness(
  sig: Pick<SignatureToVerify, 'created' | 'expires'>,
  nowSeconds: number,
  maxSkew: number,
) {
  if (Math.abs(nowSeconds - sig.created) > maxSkew)
    throw refuse(`The signature's created time is more than ${maxSkew} s from now`, 'stale_signature');
  if (sig.expires !== null && sig.expires < nowSeconds)
    throw refuse('The signature has expired', 'stale_signature');
}

/** A service account's registered verification key. */
export interface ServiceAccountKey {
  keyId: string;
  serviceAccount: string;
  /** Raw 32-byte Ed25519 public key, base64url. */
  publicKey: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export abstract class ServiceAccountKeyRepository {
  /** False when the key id is taken. */
  abstract insert(key: ServiceAccountKey): Promise<boolean>;
  abstract find(keyId: string): Promise<ServiceAccountKey | null>;
  abstract list(serviceAccount: string): Promise<ServiceAccountKey[]>;
  abstract revoke(serviceAccount: string, keyId: string, at: Date): Promise<boolean>;
}

/** Nonces seen within the window, shared by every instance. */
export abstract class NonceStore {
  /** True the first time a key is claimed within `ttlSeconds`; false for a replay. */
  abstract claim(key: string, ttlSeconds: number): Promise<boolean>;
}
