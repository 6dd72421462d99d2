import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: any;
  at: number;
}

export type Responder = (req: ReceivedWebhook) => { status: number; body?: string; delayMs?: number };

/**
 * A tenant's webhook endpoint for tests: records every request and answers what the test says
 * (default 200). Also used as a tenant's outcome verification webhook.
 */
export class FakeWebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private server!: Server;
  url = '';
  respond: Responder = () => ({ status: 200, body: 'ok' });

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let json: unknown = null;
        try {
          json = JSON.parse(body);
        } catch {
          json = null;
        }
        const hook: ReceivedWebhook = {
          path: req.url ?? '/',
          headers: req.headers,
          body,
          json,
          at: Date.now(),
        };
        this.received.push(hook);
        const answer = this.respond(hook);
        const send = () => {
          res.writeHead(answer.status, { 'content-type': 'text/plain' });
          res.end(answer.body ?? '');
        };
        if (answer.delayMs) setTimeout(send, answer.delayMs);
        else send();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Resolves once `count` requests matching `filter` arrived (or rejects after `timeoutMs`). */
  async waitFor(
    count: number,
    filter: (r: ReceivedWebhook) => boolean = () => true,
    timeoutMs = 15_000,
  ): Promise<ReceivedWebhook[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const matching = this.received.filter(filter);
      if (matching.length >= count) return matching;
      if (Date.now() > deadline)
        throw new Error(
          `expected ${count} webhook(s), got ${matching.length}: ${JSON.stringify(matching.map((m) => m.json))}`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  close(): Promise<void> {
    this.server.closeAllConnections?.();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
