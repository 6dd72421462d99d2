import { LlmChunk } from '../domain/llm-provider.port';

/** The fields of a Chat Completions stream chunk that metering and tool rounds read. */
interface WireChunk {
  choices?: Array<{
    delta?: {
      content?: string | null;
      tool_calls?: Array<{ index: number; id?: string; function?: { name?: string; arguments?: string } }>;
    };
    finish_reason?: string | null;
  }>;
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
}

/**
 * A provider's parsed stream chunk as both providers hand it on; the object and its JSON text travel with it,
 * so the OpenAI-compatible route can forward the chunk as the provider sent it.
 */
export function toLlmChunk(raw: Record<string, unknown>, rawJson: string): LlmChunk {
  const chunk = raw as WireChunk;
  const choice = chunk.choices?.[0];
  const delta = choice?.delta;
  return {
    content: delta?.content ?? undefined,
    toolCalls: delta?.tool_calls?.map((t) => ({
      index: t.index,
      id: t.id,
      name: t.function?.name,
      arguments: t.function?.arguments,
    })),
    finishReason: choice?.finish_reason ?? undefined,
    usage: chunk.usage
      ? { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens }
      : undefined,
    raw,
    rawJson,
  };
}
