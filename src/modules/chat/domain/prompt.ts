import { LlmMessage } from './llm-provider.port';

/**
 * Token estimates without a tokenizer: ~4 characters per token plus per-message overhead. Used only for
 * limits and reservations before a call (then replaced by the provider's usage); reservations add a margin.
 */
export const estimateTextTokens = (text: string): number => Math.ceil(text.length / 4);

const contentText = (content: unknown): string =>
  typeof content === 'string' ? content : content == null ? '' : JSON.stringify(content);

export function estimateMessageTokens(m: LlmMessage): number {
  return (
    4 +
    estimateTextTokens(contentText(m.content)) +
    (m.tool_calls ? estimateTextTokens(JSON.stringify(m.tool_calls)) : 0)
  );
}

export const estimatePromptTokens = (messages: LlmMessage[]): number =>
  messages.reduce((sum, m) => sum + estimateMessageTokens(m), 3);

/** Worst-case prompt size to reserve against: the estimate plus 25% and a small constant. */
export const reservePromptTokens = (messages: LlmMessage[]): number =>
  Math.ceil(estimatePromptTokens(messages) * 1.25) + 16;

/**
 * Instructions + as much recent history as fits + the new message. History is cut at turn boundaries (a
 * user message starts a turn) so a tool result never appears without the assistant call that asked for it.
 */
export function buildPrompt(input: {
  instructions: string;
  history: LlmMessage[];
  message: LlmMessage;
  contextTokens: number;
}): LlmMessage[] {
  const system: LlmMessage[] = input.instructions ? [{ role: 'system', content: input.instructions }] : [];
  let budget = input.contextTokens - estimatePromptTokens([...system, input.message]);
  let start = input.history.length;
  let used = 0;
  for (let i = input.history.length - 1; i >= 0; i--) {
    used += estimateMessageTokens(input.history[i]);
    if (used > budget) break;
    if (input.history[i].role === 'user') {
      start = i;
      budget -= used;
      used = 0;
    }
  }
  return [...system, ...input.history.slice(start), input.message];
}
