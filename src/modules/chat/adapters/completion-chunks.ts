import type { LlmChunk } from '../domain/llm-provider.port';

/**
 * A provider's stream chunk as the OpenAI-compatible endpoint sends it on: `model` is the name the client
 * asked for (`agent:<slug>`), and `usage` is left out unless the client asked for it
 * (`stream_options.include_usage`; we always ask the provider). Returns undefined for a chunk the client
 * should not see (the usage-only chunk when it did not ask for usage).
 *
 * Hot path: one call per streamed token chunk. When the provider's JSON text is at hand and the change is
 * one exact substring, the text is edited instead of re-encoding the parsed object. A key can only match
 * outside string values (inside them quotes are escaped), and an edit is made only when its substring
 * occurs exactly once; anything else takes the parse-and-stringify path.
 */
export function forwardedChunk(chunk: LlmChunk, model: string, includeUsage: boolean): string | undefined {
  const raw = chunk.raw as { choices?: unknown[]; usage?: unknown; model?: unknown };
  if (!includeUsage && !raw.choices?.length) return undefined;
  const edited = chunk.rawJson !== undefined && editText(chunk.rawJson, raw, model, includeUsage);
  if (edited) return edited;
  const { usage, ...rest } = raw;
  return JSON.stringify(includeUsage ? { ...rest, model, usage } : { ...rest, model });
}

/**
 * A provider's (non-streaming) completion as the endpoint answers it: `model` is the name the client asked
 * for. The provider's JSON text is edited when it is at hand (as for chunks), else re-encoded.
 */
export function forwardedCompletion(
  raw: Record<string, unknown>,
  rawJson: string | undefined,
  model: string,
): string {
  const edited = rawJson !== undefined && editText(rawJson, raw, model, true);
  return edited || JSON.stringify({ ...raw, model });
}

function editText(
  text: string,
  raw: { usage?: unknown; model?: unknown },
  model: string,
  includeUsage: boolean,
): string | false {
  if (typeof raw.model !== 'string') return false;
  let out = replaceOnce(text, `"model":${JSON.stringify(raw.model)}`, `"model":${JSON.stringify(model)}`);
  if (out === false) return false;
  if (!includeUsage && 'usage' in raw) {
    // Only the common shape is edited: `"usage":null` after another key.
    if (raw.usage !== null) return false;
    out = replaceOnce(out, ',"usage":null', '');
  }
  return out;
}

function replaceOnce(text: string, find: string, replacement: string): string | false {
  const at = text.indexOf(find);
  if (at < 0 || text.indexOf(find, at + 1) >= 0) return false;
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}
