import { Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { AppConfig } from '../../../config/app-config';
import { WebhookResponse, WebhookSender } from '../domain/webhook-sender.port';

// Addresses a tenant must not make us call (SSRF): loopback, private, link-local (cloud metadata), CGNAT.
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');

const isPrivate = (address: string): boolean => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
  return PRIVATE.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
};

/** fetch with SSRF guards: http(s) only, no redirects, public addresses only, a timeout and a response size cap. */
@Injectable()
export class HttpWebhookSender extends WebhookSender {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async checkUrl(raw: string): Promise<string | null> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return 'not a valid URL';
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'only http and https URLs are allowed';
    if (url.username || url.password) return 'URLs with credentials are not allowed';
    if (this.config.webhooks.allowPrivateUrls) return null;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host)
      ? [host]
      : await lookup(host, { all: true }).then(
          (r) => r.map((a) => a.address),
          () => [] as string[],
        );
    if (!addresses.length) return `cannot resolve ${host}`;
    if (addresses.some(isPrivate)) return 'the URL resolves to a private or loopback address';
    return null;
  }

  async post(
    url: string,
    body: string,
    headers: Record<string, string>,
    opts: { timeoutMs?: number } = {},
  ): Promise<WebhookResponse> {
    const started = Date.now();
    const refused = await this.checkUrl(url);
    if (refused) return { statusCode: null, error: refused, responseBody: null, durationMs: 0 };
    const cfg = this.config.webhooks;
    const timeoutMs = opts.timeoutMs ?? cfg.timeoutMs;
    try {
      const res = await fetch(url, {
        method: 'POST',
        body,
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const responseBody = await readCapped(res, cfg.responseLogBytes);
      return { statusCode: res.status, error: null, responseBody, durationMs: Date.now() - started };
    } catch (e) {
      const error =
        (e as { name?: string } | null)?.name === 'TimeoutError'
          ? `timed out after ${timeoutMs} ms`
          : String(e);
      return { statusCode: null, error, responseBody: null, durationMs: Date.now() - started };
    }
  }
}

/** Reads at most `cap` bytes of the body and drops the rest (a hostile endpoint cannot flood us). */
async function readCapped(res: Response, cap: number): Promise<string> {
  if (!res.body || cap === 0) {
    await res.body?.cancel();
    return '';
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < cap) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, cap).toString('utf8');
}
