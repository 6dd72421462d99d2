import { LlmChunk } from '../domain/llm-provider.port';
import { forwardedChunk } from './completion-chunks';

const chunkOf = (rawJson: string, withText = true): LlmChunk => ({
  raw: JSON.parse(rawJson) as Record<string, unknown>,
  ...(withText ? { rawJson } : {}),
});

/** What the client must receive, computed the slow, obviously right way. */
const expected = (rawJson: string, model: string, includeUsage: boolean) => {
  const { usage, ...rest } = JSON.parse(rawJson) as Record<string, unknown>;
  return includeUsage ? { ...rest, model, usage } : { ...rest, model };
};

describe('forwardedChunk', () => {
  const compact = JSON.stringify({
    id: 'c1',
    object: 'chat.completion.chunk',
    model: 'gpt-4o-mini',
    choices: [{ index: 0, delta: { content: 'say "model":"gpt-4o-mini" please' }, finish_reason: null }],
    usage: null,
  });
  const spaced = JSON.stringify(JSON.parse(compact), null, 2);
  const usageFirst = JSON.stringify({
    usage: null,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, delta: {} }],
  });
  const usageOnly = JSON.stringify({
    id: 'c1',
    model: 'gpt-4o-mini',
    choices: [],
    usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
  });
  const noUsageKey = JSON.stringify({ id: 'c1', model: 'gpt-4o-mini', choices: [{ index: 0, delta: {} }] });

  it.each([
    ['compact text (edited in place)', compact],
    ['a model name inside the content (escaped, so not matched)', compact],
    ['pretty-printed text (falls back to re-encoding)', spaced],
    ['usage as the first key', usageFirst],
    ['no usage key', noUsageKey],
  ])('%s: the client gets the same object either way', (_name, text) => {
    for (const includeUsage of [true, false])
      for (const model of ['agent:bench', 'agent:"quoted\\slug"']) {
        const fast = forwardedChunk(chunkOf(text), model, includeUsage);
        const slow = forwardedChunk(chunkOf(text, false), model, includeUsage);
        expect(JSON.parse(fast!)).toEqual(expected(text, model, includeUsage));
        expect(JSON.parse(slow!)).toEqual(expected(text, model, includeUsage));
      }
  });

  it('leaves the usage-only chunk out unless the client asked for usage', () => {
    expect(forwardedChunk(chunkOf(usageOnly), 'agent:x', false)).toBeUndefined();
    expect(JSON.parse(forwardedChunk(chunkOf(usageOnly), 'agent:x', true)!)).toEqual(
      expected(usageOnly, 'agent:x', true),
    );
  });

  it('edits compact text without re-encoding it', () => {
    expect(forwardedChunk(chunkOf(compact), 'agent:bench', true)).toBe(
      compact.replace('"model":"gpt-4o-mini","choices"', '"model":"agent:bench","choices"'),
    );
  });
});
