import type { Readable } from 'node:stream';
import { createParser, EventSourceMessage } from 'eventsource-parser';
import { DomainError } from '../../../shared/domain/domain-error';
import { LlmChunk, UpstreamError } from '../domain/llm-provider.port';
import type { UpstreamDeadline } from './upstream-deadline';
import { eachBodyChunk } from './upstream-fetch';
import type { UpstreamBody } from './upstream-call';

/**
 * Reads a provider's Chat Completions event stream to its end, handing each chunk to `onChunk` synchronously
 * as it arrives; both providers (OpenAiHttpProvider, OpenAiLlmProvider) read their streams through it, so
 * they share the stream's semantics: `[DONE]` ends the data (the body is still read to its end, since a
 * body cancelled early would cost the pooled connection), `toChunk` turns one event into a chunk and throws
 * on a malformed or `error` event, and every byte re-arms the idle clock of `deadline`.
 * Errors: one thrown by `onChunk` is rethrown as it is; a failure before the first chunk is mapped by the
 * deadline (and may be retryable); after it, nothing is retryable and a dropped connection is the
 * provider's fault ("broke off the stream").
 */
export async function readProviderEventStream(
  body: ReadableStream<Uint8Array> | Readable | UpstreamBody | null,
  deadline: UpstreamDeadline,
  toChunk: (event: EventSourceMessage) => LlmChunk,
  onChunk: (chunk: LlmChunk) => void,
): Promise<void> {
  let started = false;
  let consumerFailed = false;
  let consumerError: unknown;
  let done = false;
  const parser = createParser({
    onEvent: (event) => {
      if (done) return;
      if (event.data.startsWith('[DONE]')) {
        done = true;
        return;
      }
      const chunk = toChunk(event);
      started = true;
      try {
        onChunk(chunk);
      } catch (error) {
        consumerFailed = true;
        consumerError = error;
        throw error;
      }
    },
  });
  const decoder = new TextDecoder();
  try {
    await eachBodyChunk(body, (bytes) => {
      deadline.progressed();
      parser.feed(decoder.decode(bytes, { stream: true }));
    });
  } catch (error) {
    if (consumerFailed) throw consumerError;
    const mapped = deadline.error(error);
    if (!started) throw mapped;
    if (mapped instanceof DomainError && !(mapped instanceof UpstreamError)) throw mapped;
    if (!(mapped instanceof UpstreamError) || mapped.code === 'upstream_unreachable')
      throw new UpstreamError(
        'upstream_failed',
        'upstream_error',
        'The model provider broke off the stream',
        false,
      );
    throw new UpstreamError(mapped.kind, mapped.code, mapped.message, false, mapped.details);
  }
}
