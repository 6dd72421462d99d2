import { Injectable } from '@nestjs/common';
import { createUpstreamFetch } from './upstream-fetch';
import { toLlmChunk } from './wire-chunk';
import { readProviderEventStream } from './read-provider-event-stream';
import { toWireRequest } from './openai-http-provider';
import { callAborted, upstreamErrorForStatus, upstreamTimeout, upstreamUnreachable } from './upstream-errors';
import { upstreamDeadline } from './upstream-deadline';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParams,
} from 'openai/resources/chat/completions';
import { AppConfig } from '../../../config/app-config';
import { InvalidError } from '../../../shared/domain/domain-error';
import { LlmChunk, LlmCompletion, LlmProvider, LlmRequest, LlmToolCall } from '../domain/llm-provider.port';

/** SDK errors in the API's terms (see upstreamErrorForStatus). */
export function toUpstreamError(error: unknown): Error {
  if (error instanceof APIUserAbortError) return callAborted();
  if (error instanceof APIConnectionTimeoutError) return upstreamTimeout();
  if (error instanceof APIConnectionError) return upstreamUnreachable();
  if (error instanceof APIError)
    return upstreamErrorForStatus(
      error.status ?? 0,
      error.headers?.get('retry-after') ?? null,
      error.message,
    );
  return error instanceof Error ? error : new Error(String(error));
}

/** OpenAI SDK against any OpenAI-compatible base URL; one client per named provider. */
@Injectable()
export class OpenAiLlmProvider extends LlmProvider {
  private readonly clients = new Map<string, OpenAI>();

  constructor(private readonly config: AppConfig) {
    super();
  }

  private client(name: string): OpenAI {
    let client = this.clients.get(name);
    if (!client) {
      const provider = this.config.chat.providers[name];
      if (!provider)
        throw new InvalidError('unknown_provider', `No model provider named "${name}" is configured`);
      client = new OpenAI({
        baseURL: provider.baseUrl,
        apiKey: provider.apiKey,
        // The time limit is ours (see deadline()); retries too: only before the first token, with our backoff.
        timeout: 24 * 3600 * 1000,
        maxRetries: 0,
        fetch: createUpstreamFetch(),
      });
      this.clients.set(name, client);
    }
    return client;
  }

  private params(request: LlmRequest): ChatCompletionCreateParams {
    return toWireRequest(request) as unknown as ChatCompletionCreateParams;
  }

  private deadline(signal: AbortSignal, streaming: boolean) {
    return upstreamDeadline(signal, this.config.chat, streaming, toUpstreamError);
  }

  async complete(request: LlmRequest, signal: AbortSignal): Promise<LlmCompletion> {
    const deadline = this.deadline(signal, false);
    try {
      const res = (await this.client(request.provider).chat.completions.create(
        { ...this.params(request), stream: false },
        { signal: deadline.signal },
      )) as ChatCompletion;
      const choice = res.choices[0];
      const toolCalls = (choice?.message.tool_calls ?? []).filter(
        (c) => c.type === 'function',
      ) as LlmToolCall[];
      return {
        content: choice?.message.content ?? null,
        toolCalls,
        finishReason: choice?.finish_reason ?? 'stop',
        usage: res.usage
          ? { promptTokens: res.usage.prompt_tokens, completionTokens: res.usage.completion_tokens }
          : null,
        raw: res as unknown as Record<string, unknown>,
      };
    } catch (error) {
      throw deadline.error(error);
    } finally {
      deadline.dispose();
    }
  }

  /**
   * The SDK builds and sends the request and turns error statuses into APIErrors (`asResponse()`); the event
   * stream itself is read by readProviderEventStream (shared with OpenAiHttpProvider), each chunk handed on
   * synchronously. The SDK's own reader is an async-iterator chain with several promises per chunk, one of
   * the largest costs per streamed chunk in the chat bench's profiles. Its stream semantics are kept: `[DONE]`
   * ends the data, an `error` payload is an APIError.
   */
  async stream(request: LlmRequest, signal: AbortSignal, onChunk: (chunk: LlmChunk) => void): Promise<void> {
    const deadline = this.deadline(signal, true);
    try {
      let response: Response;
      try {
        response = await this.client(request.provider)
          .chat.completions.create(
            { ...this.params(request), stream: true, stream_options: { include_usage: true } },
            { signal: deadline.signal },
          )
          .asResponse();
        if (!response.body) throw new APIConnectionError({ message: 'The stream has no body' });
      } catch (error) {
        throw deadline.error(error);
      }
      const headers = response.headers;
      await readProviderEventStream(
        response.body,
        deadline,
        (event) => {
          let data: ChatCompletionChunk & { error?: unknown };
          let chunk: LlmChunk;
          try {
            data = JSON.parse(event.data) as typeof data;
            if (typeof data !== 'object' || data === null)
              throw new TypeError('A chunk must be a JSON object');
            chunk = toLlmChunk(data as unknown as Record<string, unknown>, event.data);
          } catch {
            throw new APIError(undefined, undefined, 'The model provider sent a malformed event', headers);
          }
          if (data.error || event.event === 'error')
            throw new APIError(undefined, data.error ?? data, undefined, headers);
          return chunk;
        },
        onChunk,
      );
    } finally {
      deadline.dispose();
    }
  }
}
