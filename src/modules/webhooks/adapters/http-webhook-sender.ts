import { Injectable } from '@nestjs/common';
import type { Response } from 'undici';
import { AppConfig } from '../../../config/app-config';
import { OutboundGuard, OutboundRefusedError } from '../../../shared/net/outbound-guard';
import { WebhookResponse, WebhookSender } from '../../../shared/contracts/webhook-sender';

/** POST through the shared outbound guard (public addresses only, no redirects), with a timeout and a response cap. */
@Injectable()
export class HttpWebhookSender extends WebhookSender {
  constructor(
    private readonly config: AppConfig,
    private readonly guard: OutboundGuard,
  ) {
    super();
  }

  checkUrl(raw: string): Promise<string | null> {
    return this.guard.check(raw);
  }

  async post(
    url: string,
    body: string,
    headers: Record<string, string>,
    opts: { timeoutMs?: number } = {},
  ): Promise<WebhookResponse> {
    const started = Date.now();
    const cfg = this.config.webhooks;
    const timeoutMs = opts.timeoutMs ?? cfg.timeoutMs;
    try {
      const res = await this.guard.fetch(url, {
        method: 'POST',
        body,
        headers,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const responseBody = await readCapped(res, cfg.responseLogBytes);
      return { statusCode: res.status, error: null, responseBody, durationMs: Date.now() - started };
    } catch (e) {
      const error =
        e instanceof OutboundRefusedError
          ? e.message
          : (e as { name?: string } | null)?.name === 'TimeoutError'
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
