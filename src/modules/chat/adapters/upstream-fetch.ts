import { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import { UpstreamBody } from './upstream-call';

/**
 * The `fetch` the OpenAI SDK uses to reach a provider, on undici's `request` API instead of Node's
 * built-in fetch. The built-in fetch moves every body chunk through a Node stream, an async iterator and a
 * WHATWG stream, with several promises each; with streamed completions that is paid per token chunk, and
 * at 200 concurrent streams it was one of the largest parts of the gateway's CPU.
 *
 * The SDK gets a standard `Response` for everything it reads itself (status, headers, error and JSON
 * bodies). Only a successful event stream keeps undici's Node stream as `body`: our reader
 * (eachBodyChunk) takes its 'data' events, and it is async-iterable for the SDK's own stream reader.
 * Unlike fetch, redirects are not followed and no compression is asked for: a provider's base URL must be
 * its final address, and answers come back as sent.
 */
export function createUpstreamFetch(dispatcher: Agent = new Agent()): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const res = await request(url, {
      dispatcher,
      method: (init?.method ?? 'GET') as 'GET',
      // The SDK passes a Headers object; anything else is normalised through one.
      headers: Object.fromEntries(
        init?.headers instanceof Headers ? init.headers : new Headers(init?.headers),
      ),
      body: init?.body as string | Uint8Array | undefined,
      signal: init?.signal ?? undefined,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else if (value !== undefined) headers.set(name, value);
    }
    const status = res.statusCode;
    const eventStream =
      status >= 200 && status < 300 && headers.get('content-type')?.startsWith('text/event-stream');
    if (!eventStream) {
      const text = await res.body.text();
      return new Response(status === 204 || status === 304 ? null : text, { status, headers });
    }
    const response = new Response(null, { status, headers });
    Object.defineProperty(response, 'body', { value: res.body });
    return response;
  };
}

/**
 * Calls `onBytes` for each chunk of a response body until it ends. For callUpstream's body and for the
 * Node stream that createUpstreamFetch hands over for event streams, chunks come synchronously as undici
 * parses them: no promise per chunk, as an async iterator would cost. Any other body is iterated. If
 * `onBytes` throws, the body is destroyed (the upstream request is cancelled) and the error rejects.
 */
export function eachBodyChunk(
  body: ReadableStream<Uint8Array> | Readable | UpstreamBody | null,
  onBytes: (bytes: Uint8Array) => void,
): Promise<void> {
  if (body instanceof UpstreamBody) return body.each(onBytes);
  if (!(body instanceof Readable)) {
    return (async () => {
      for await (const bytes of (body ?? []) as AsyncIterable<Uint8Array>) onBytes(bytes);
    })();
  }
  return new Promise<void>((resolve, reject) => {
    body.on('data', (bytes: Uint8Array) => {
      try {
        onBytes(bytes);
      } catch (error) {
        body.destroy();
        reject(error as Error);
      }
    });
    body.once('end', resolve);
    body.once('error', reject);
    body.once('close', () => {
      if (!body.readableEnded) reject(new Error('The response body closed before its end'));
    });
  });
}
