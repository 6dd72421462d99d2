import { DomainError, DomainErrorKind } from '../../../shared/domain/domain-error';

/**
 * The model port. Shapes follow the OpenAI Chat Completions wire format because that is the lingua
 * franca of providers (and of our /v1/chat/completions): messages and raw chunks pass through as-is.
 */
export interface LlmToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface LlmMessage {
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';
  /** string, null (assistant with tool calls) or content parts (passed through untouched). */
  content: unknown;
  name?: string;
  tool_calls?: LlmToolCall[];
  tool_call_id?: string;
}

export interface LlmToolDefinition {
  type: 'function';
  function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

export interface LlmRequest {
  /** Named provider from config. */
  provider: string;
  model: string;
  messages: LlmMessage[];
  /** Always sent, so the worst-case cost reserved before the call holds. */
  maxTokens: number;
  temperature?: number;
  topP?: number;
  tools?: LlmToolDefinition[];
  /** Other OpenAI request fields passed through untouched (tool_choice, stop, seed, response_format...). */
  passthrough?: Record<string, unknown>;
}

export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface LlmToolCallDelta {
  index: number;
  id?: string;
  name?: string;
  arguments?: string;
}

export interface LlmChunk {
  content?: string;
  toolCalls?: LlmToolCallDelta[];
  finishReason?: string;
  usage?: LlmUsage;
  /** The provider's chunk object as received (forwarded by the OpenAI-compatible endpoint). */
  raw: Record<string, unknown>;
  /** `raw` as the JSON text the provider sent, when it came over the wire (forwarded without re-encoding). */
  rawJson?: string;
}

export interface LlmCompletion {
  content: string | null;
  toolCalls: LlmToolCall[];
  finishReason: string;
  usage: LlmUsage | null;
  raw: Record<string, unknown>;
  /** `raw` as the JSON text the provider sent, when it came over the wire (forwarded without re-encoding). */
  rawJson?: string;
}

export abstract class LlmProvider {
  abstract complete(request: LlmRequest, signal: AbortSignal): Promise<LlmCompletion>;
  /**
   * Streams the answer, handing each chunk to `onChunk` synchronously as it arrives (pushed, not an async
   * iterator: no promises per chunk on the gateway's hottest path). Resolves when the stream has ended.
   * Rejects with an UpstreamError; only failures before the first chunk can be `retryable`. An error thrown
   * by `onChunk` aborts the call and is rethrown as it is.
   */
  abstract stream(
    request: LlmRequest,
    signal: AbortSignal,
    onChunk: (chunk: LlmChunk) => void,
  ): Promise<void>;
}

/**
 * The provider as the OpenAI-compatible route calls it: the same contract, spoken on the wire format
 * directly so the provider's answers and chunks can be forwarded as they came (`rawJson`).
 */
export abstract class PassthroughLlmProvider extends LlmProvider {}

/** A provider failure; `retryable` is true for connection errors and 5xx (retried before the first token). */
export class UpstreamError extends DomainError {
  constructor(
    kind: DomainErrorKind,
    code: string,
    message: string,
    readonly retryable: boolean,
    details: DomainError['details'] = {},
  ) {
    super(kind, code, message, details);
  }
}
