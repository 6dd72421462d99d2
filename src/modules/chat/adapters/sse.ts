import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from '../../../shared/http/problem-details';

/**
 * Server-Sent Events on the raw response. Headers go out with the first event, so anything that fails
 * before it (limits, budgets, an upstream error before the first token) is still a normal problem+json.
 */
export class SseWriter {
  private open = false;
  /** Events of the current turn of the event loop, written together at its end. */
  private pending = '';
  /** Events wait for end() (see holdToEnd). */
  private held = false;

  constructor(private readonly reply: FastifyReply) {}

  get started(): boolean {
    return this.open;
  }

  private start(): void {
    this.open = true;
    this.reply.hijack();
    const headers = this.reply.getHeaders() as Record<string, string | number | string[]>;
    // One header set on the raw response first makes writeHead record them all, so the sent response still
    // reports them (getHeader); writeHead alone takes a path that does not.
    this.reply.raw.setHeader('content-type', 'text/event-stream; charset=utf-8');
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
    if (this.reply.raw.destroyed) return;
    // Chunks that arrive together (one upstream packet) leave as one string in one write: one chunk of the
    // chunked encoding and one syscall, instead of three writev entries per event (cork() still encoded
    // and framed each event apart; writes were ~40% of the streamed route's CPU in the bench's profile).
    if (!this.pending) process.nextTick(() => this.flush());
    this.pending += event ? `event: ${event}\ndata: ${data}\n\n` : `data: ${data}\n\n`;
  }

  /**
   * From now on, events wait and leave with the end of the response, in the same write. For the last events
   * of a stream (the provider's usage chunk has come): what is left before the end is only bookkeeping (the
   * usage record), a few ms, and the client gets the events, `[DONE]` and the end of the response in one
   * packet instead of two.
   */
  holdToEnd(): void {
    this.held = true;
  }

  private flush(): void {
    if (!this.pending || this.held) return;
    const text = this.pending;
    this.pending = '';
    if (!this.reply.raw.destroyed) this.reply.raw.write(text);
  }

  end(): void {
    if (!this.open || this.reply.raw.destroyed) {
      this.pending = '';
      return;
    }
    // The last events and the end of the response leave in one write.
    const text = this.pending;
    this.pending = '';
    if (text) this.reply.raw.end(text);
    else this.reply.raw.end();
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
