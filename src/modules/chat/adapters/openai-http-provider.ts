import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { EventSourceMessage } from 'eventsource-parser';
import { Pool } from 'undici';
import { AppConfig } from '../../../config/app-config';
import { DomainError, InvalidError } from '../../../shared/domain/domain-error';
import {
  LlmChunk,
  LlmCompletion,
  LlmRequest,
  LlmToolCall,
  PassthroughLlmProvider,
} from '../domain/llm-provider.port';
import { callAborted, upstreamErrorForStatus, upstreamUnreachable } from './upstream-errors';
import { upstreamDeadline } from './upstream-deadline';
import { readProviderEventStream } from './read-provider-event-stream';
import { toLlmChunk } from './wire-chunk';
import { callUpstream, UpstreamResponse } from './upstream-call';

/** The request body a provider gets: the caller's fields, with the model, limit and settings we decided. */
export function toWireRequest(request: LlmRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {
    ...request.passthrough,
    model: request.model,
    messages: request.messages,
    max_tokens: request.maxTokens,
  };
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.topP !== undefined) body.top_p = request.topP;
  if (request.tools?.length) body.tools = request.tools;
  return body;
}

interface Target {
  pool: Pool;
  path: string;
  headers: Record<string, string>;
}

/** The provider's error body's message, as the SDK's APIError reports it ("<status> <message>"). */
function messageOf(status: number, text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') return `${status} ${body.error.message}`;
  } catch {
    // not JSON: the text itself
  }
  return `${status} ${text.slice(0, 200) || 'status code (no body)'}`;
}

/** A value JSON.parse gave that is not an object is no chunk or completion. */
function parseObject(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError('Not a JSON object');
  return value as Record<string, unknown>;
}

const malformed = () => upstreamErrorForStatus(0, null, 'The model provider sent a malformed answer');

/**
 * The OpenAI-compatible route's provider: the Chat Completions wire format spoken directly over one undici
 * `Pool` (keep-alive, no pipelining) per provider, through its dispatcher API (callUpstream), without the
 * OpenAI SDK. The SDK builds a request object, a Headers object and a WHATWG Response per call and parses
 * every answer into its own objects; on this route, where the provider's JSON is forwarded as it came, that
 * was most of the gateway's own CPU per request (see bench/README.md). Answers and stream chunks carry the
 * provider's JSON text (`rawJson`) so the route can forward them without re-encoding. Same semantics as
 * OpenAiLlmProvider (the agent chat path's SDK-based provider): the time limits of upstreamDeadline, errors
 * mapped by upstreamErrorForStatus, `[DONE]` ends a stream, an `error` event is an upstream failure.
 */
@Injectable()
export class OpenAiHttpProvider extends PassthroughLlmProvider implements OnModuleDestroy {
  private readonly targets = new Map<string, Target>();

  constructor(private readonly config: AppConfig) {
    super();
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.targets.values()].map((t) => t.pool.close()));
  }

  private target(name: string): Target {
    let target = this.targets.get(name);
    if (!target) {
      const provider = this.config.chat.providers[name];
      if (!provider)
        throw new InvalidError('unknown_provider', `No model provider named "${name}" is configured`);
      const url = new URL(`${provider.baseUrl.replace(/\/+$/, '')}/chat/completions`);
      target = {
        pool: new Pool(url.origin, { pipelining: 1 }),
        path: url.pathname + url.search,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${provider.apiKey}`,
        },
      };
      this.targets.set(name, target);
    }
    return target;
  }

  private send(request: LlmRequest, body: Record<string, unknown>, signal: AbortSignal) {
    const target = this.target(request.provider);
    return callUpstream(
      target.pool,
      { path: target.path, method: 'POST', headers: target.headers, body: JSON.stringify(body) },
      signal,
    );
  }

  /** The provider's error status as an error, its body read (so the connection goes back to the pool). */
  private async failed(res: UpstreamResponse): Promise<Error> {
    const text = await res.body.text();
    const retryAfter = res.headers['retry-after'];
    return upstreamErrorForStatus(
      res.statusCode,
      typeof retryAfter === 'string' ? retryAfter : null,
      messageOf(res.statusCode, text),
    );
  }

  private deadline(signal: AbortSignal, streaming: boolean) {
    return upstreamDeadline(signal, this.config.chat, streaming, (error) =>
      signal.aborted ? callAborted() : error instanceof DomainError ? error : upstreamUnreachable(),
    );
  }

  async complete(request: LlmRequest, signal: AbortSignal): Promise<LlmCompletion> {
    const deadline = this.deadline(signal, false);
    try {
      const res = await this.send(request, toWireRequest(request), deadline.signal);
      if (res.statusCode >= 300) throw await this.failed(res);
      const text = await res.body.text();
      let raw: Record<string, unknown>;
      try {
        raw = parseObject(text);
      } catch {
        throw malformed();
      }
      const completion = raw as {
        choices?: Array<{
          message?: { content?: string | null; tool_calls?: LlmToolCall[] };
          finish_reason?: string;
        }>;
        usage?: { prompt_tokens: number; completion_tokens: number } | null;
      };
      const choice = completion.choices?.[0];
      return {
        content: choice?.message?.content ?? null,
        toolCalls: (choice?.message?.tool_calls ?? []).filter((c) => c.type === 'function'),
        finishReason: choice?.finish_reason ?? 'stop',
        usage: completion.usage
          ? {
              promptTokens: completion.usage.prompt_tokens,
              completionTokens: completion.usage.completion_tokens,
            }
          : null,
        raw,
        rawJson: text,
      };
    } catch (error) {
      throw deadline.error(error);
    } finally {
      deadline.dispose();
    }
  }

  async stream(request: LlmRequest, signal: AbortSignal, onChunk: (chunk: LlmChunk) => void): Promise<void> {
    const deadline = this.deadline(signal, true);
    try {
      let res: UpstreamResponse;
      try {
        const body = { ...toWireRequest(request), stream: true, stream_options: { include_usage: true } };
        res = await this.send(request, body, deadline.signal);
        if (res.statusCode >= 300) throw await this.failed(res);
      } catch (error) {
        throw deadline.error(error);
      }
      await readProviderEventStream(res.body, deadline, eventToChunk, onChunk);
    } finally {
      deadline.dispose();
    }
  }
}

function eventToChunk(event: EventSourceMessage): LlmChunk {
  let chunk: LlmChunk;
  try {
    chunk = toLlmChunk(parseObject(event.data), event.data);
  } catch {
    throw upstreamErrorForStatus(0, null, 'The model provider sent a malformed event');
  }
  if (chunk.raw.error || event.event === 'error') throw upstreamErrorForStatus(0, null, 'stream error');
  return chunk;
}
