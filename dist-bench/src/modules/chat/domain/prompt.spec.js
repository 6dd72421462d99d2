"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const prompt_1 = require("./prompt");
const turn = (i) => [
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
    const message = { role: 'user', content: 'next' };
    it('keeps everything when it fits', () => {
        const prompt = (0, prompt_1.buildPrompt)({ instructions: 'Be brief', history, message, contextTokens: 100_000 });
        expect(prompt).toHaveLength(1 + history.length + 1);
        expect(prompt[0]).toEqual({ role: 'system', content: 'Be brief' });
    });
    it('drops the oldest whole turns to fit the context budget', () => {
        const full = (0, prompt_1.estimatePromptTokens)(history);
        const prompt = (0, prompt_1.buildPrompt)({
            instructions: 'Be brief',
            history,
            message,
            contextTokens: Math.floor(full / 2),
        });
        expect((0, prompt_1.estimatePromptTokens)(prompt)).toBeLessThanOrEqual(Math.floor(full / 2));
        expect(prompt[1].role).toBe('user');
        expect(prompt.length).toBeLessThan(history.length);
        expect(prompt[prompt.length - 1]).toBe(message);
    });
    it('keeps only instructions and the message when nothing fits', () => {
        const prompt = (0, prompt_1.buildPrompt)({ instructions: '', history, message, contextTokens: 10 });
        expect(prompt).toEqual([message]);
    });
});
//# sourceMappingURL=prompt.spec.js.map