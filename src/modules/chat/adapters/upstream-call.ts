import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';

/** A provider's answer: its status and headers, and its body, read once as text or chunk by chunk. */
export interface UpstreamResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: UpstreamBody;
}

type Settle = { resolve: () => void; reject: (error: unknown) => void };

/**
 * The body of an UpstreamResponse. Chunks that arrive before a reader is attached (those parsed with the
 * headers) wait in a short queue; after that each goes to the reader synchronously, as undici parses it.
 */
export class UpstreamBody {
  private queued: Buffer[] = [];
  private reader?: (bytes: Buffer) => void;
  private settle?: Settle;
  private outcome?: { error?: unknown };

  constructor(private readonly abort: (error: Error) => void) {}

  /** Calls `onBytes` for each chunk until the body ends. If it throws, the call is aborted and that rejects. */
  each(onBytes: (bytes: Buffer) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
      this.reader = onBytes;
      const queued = this.queued;
      this.queued = [];
      // Chunks that came before a break are still handed on, then the break rejects.
      for (const bytes of queued) if (!this.deliver(bytes)) return;
      if (this.outcome) this.finish(this.outcome.error);
    });
  }

  /** The whole body as UTF-8 text. */
  async text(): Promise<string> {
    const chunks: Buffer[] = [];
    await this.each((bytes) => chunks.push(bytes));
    return chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
  }

  /** @internal from the dispatch handler */
  push(bytes: Buffer): void {
    if (this.outcome) return;
    if (this.reader) this.deliver(bytes);
    else this.queued.push(bytes);
  }

  /** @internal from the dispatch handler: the body ended (no error) or broke off. */
  end(error?: unknown): void {
    if (this.outcome) return;
    this.outcome = { error };
    if (this.reader) this.finish(error);
  }

  /** False if the reader threw: the call is aborted and `each` rejects with that error. */
  private deliver(bytes: Buffer): boolean {
    try {
      this.reader!(bytes);
      return true;
    } catch (error) {
      this.outcome = { error };
      this.finish(error);
      this.abort(error as Error);
      return false;
    }
  }

  private finish(error: unknown): void {
    const settle = this.settle;
    this.settle = undefined;
    if (!settle) return;
    if (error === undefined) settle.resolve();
    else settle.reject(error);
  }
}

/**
 * One request to a provider through undici's dispatcher API, without the `request()` API's per-call
 * objects: its body there is a Node Readable with its own buffering and events, and reading it as text
 * adds a consumer and promises. Measured on the bench's fake provider, a JSON call cost ~57 µs of CPU this
 * way against ~69 µs through `request()` + `body.text()`, parsing included.
 * Resolves with the status and headers; `signal` aborts the call at any point (before the answer: this
 * rejects; after it: the body's reader rejects).
 */
export function callUpstream(
  dispatcher: Dispatcher,
  options: { path: string; method: 'POST'; headers: Record<string, string>; body: string },
  signal: AbortSignal,
): Promise<UpstreamResponse> {
  return new Promise<UpstreamResponse>((resolve, reject) => {
    let controller: Dispatcher.DispatchController | undefined;
    let body: UpstreamBody | undefined;
    const onAbort = () => controller?.abort(abortError(signal));
    const done = (error?: unknown) => {
      signal.removeEventListener('abort', onAbort);
      if (body) body.end(error);
      else reject(error ?? new Error('The provider closed the connection before answering'));
    };
    if (signal.aborted) return reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(c) {
        controller = c;
        if (signal.aborted) c.abort(abortError(signal));
      },
      onResponseStart(c, statusCode, headers) {
        // 1xx answers are interim: the real one follows.
        if (statusCode < 200) return;
        body = new UpstreamBody((error) => c.abort(error));
        resolve({ statusCode, headers, body });
      },
      onResponseData(_c, chunk) {
        body?.push(chunk);
      },
      onResponseEnd() {
        done();
      },
      onResponseError(_c, error) {
        done(error);
      },
    };
    try {
      dispatcher.dispatch(options, handler);
    } catch (error) {
      done(error);
    }
  });
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : new DOMException('This operation was aborted', 'AbortError');
}
