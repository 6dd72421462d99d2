/** The HTTP call to a tenant's endpoint; the adapter guards against SSRF and caps time and response size. */
export interface WebhookResponse {
  statusCode: number | null;
  error: string | null;
  responseBody: string | null;
  durationMs: number;
}

export abstract class WebhookSender {
  abstract post(
    url: string,
    body: string,
    headers: Record<string, string>,
    opts?: { timeoutMs?: number },
  ): Promise<WebhookResponse>;
  /** Rejects URLs the sender would refuse (scheme, private address); message says why, null if fine. */
  abstract checkUrl(url: string): Promise<string | null>;
}
