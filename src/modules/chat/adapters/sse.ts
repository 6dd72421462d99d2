import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from '../../../shared/http/problem-details';

/**
 * Server-Sent Events on the raw response. Headers go out with the first event, so anything that fails
 * before it (limits, budgets, an upstream error before the first token) is still a normal problem+json.
 */
export class SseWriter {
  private open = false;
  private corked = false;

  constructor(private readonly reply: FastifyReply) {}

  get started(): boolean {
    return this.open;
  }

  private start(): void {
    this.open = true;
    this.reply.hijack();
    const headers = this.reply.getHeaders() as Record<string, string | number | string[]>;
    this.reply.raw.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
  }

  /** `event` omitted = an unnamed `data:` line (the OpenAI stream format). */
  send(data: string, event?: string): void {
    if (!this.open) this.start();
    const raw = this.reply.raw;
    if (raw.destroyed) return;
    // Chunks that arrive together (one upstream packet) leave in one write, not one syscall each.
    if (!this.corked) {
      this.corked = true;
      raw.cork();
      process.nextTick(() => this.flush());
    }
    raw.write(event ? `event: ${event}\ndata: ${data}\n\n` : `data: ${data}\n\n`);
  }

  private flush(): void {
    if (!this.corked) return;
    this.corked = false;
    this.reply.raw.uncork();
  }

  end(): void {
    if (!this.open || this.reply.raw.destroyed) return;
    // Flush first: on Node 24 a corked response holds its chunks itself, and end() writes the final
    // zero-length chunk before them, so the last events would arrive after the end of the response.
    this.flush();
    this.reply.raw.end();
  }

  /** An error after the stream started: one error event, then close. */
  fail(error: unknown, request: FastifyRequest, event?: string): void {
    const { problem } = toProblem(error, request.url, String(request.id));
    this.send(
      JSON.stringify(
        event ? problem : { error: { message: problem.detail, type: problem.code, code: problem.code } },
      ),
      event,
    );
    this.end();
  }
}

/** Aborts when the client goes away before the response finished (the upstream call is cancelled with it). */
export function abortOnDisconnect(reply: FastifyReply): AbortController {
  const controller = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller;
}
