import { buildPrompt, estimatePromptTokens } from './prompt';
import { LlmMessage } from './llm-provider.port';

const turn = (i: number): LlmMessage[] => [
  { role: 'user', content: `question ${i} `.repeat(20) },
  {
    role: 'assistant',
    content: null,
    tool_calls: [{ id: `c${i}`, type: 'function', function: { name: 'calculator', arguments: '{}' } }],
  },
  { role: 'tool', tool_call_id: `c${i}`, content: '42' },
  { role: 'assistant', content: `answer ${i} `.repeat(20) },
];

describe('buildPrompt', () => {
  const history = [0, 1, 2, 3, 4].flatMap(turn);
  const message: LlmMessage = { role: 'user', content: 'next' };

  it('keeps everything when it fits', () => {
    const prompt = buildPrompt({ instructions: 'Be brief', history, message, contextTokens: 100_000 });
    expect(prompt).toHaveLength(1 + history.length + 1);
    expect(prompt[0]).toEqual({ role: 'system', content: 'Be brief' });
  });

  it('drops the oldest whole turns to fit the context budget', () => {
    const full = estimatePromptTokens(history);
    const prompt = buildPrompt({
      instructions: 'Be brief',
      history,
      message,
      contextTokens: Math.floor(full / 2),
    });
    expect(estimatePromptTokens(prompt)).toBeLessThanOrEqual(Math.floor(full / 2));
    expect(prompt[1].role).toBe('user');
    expect(prompt.length).toBeLessThan(history.length);
    expect(prompt[prompt.length - 1]).toBe(message);
  });

  it('keeps only instructions and the message when nothing fits', () => {
    const prompt = buildPrompt({ instructions: '', history, message, contextTokens: 10 });
    expect(prompt).toEqual([message]);
  });
});
