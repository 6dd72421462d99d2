"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.reservePromptTokens = exports.estimatePromptTokens = exports.estimateTextTokens = void 0;
exports.estimateMessageTokens = estimateMessageTokens;
exports.buildPrompt = buildPrompt;
const estimateTextTokens = (text) => Math.ceil(text.length / 4);
exports.estimateTextTokens = estimateTextTokens;
const contentText = (content) => typeof content === 'string' ? content : content == null ? '' : JSON.stringify(content);
function estimateMessageTokens(m) {
    return (4 +
        (0, exports.estimateTextTokens)(contentText(m.content)) +
        (m.tool_calls ? (0, exports.estimateTextTokens)(JSON.stringify(m.tool_calls)) : 0));
}
const estimatePromptTokens = (messages) => messages.reduce((sum, m) => sum + estimateMessageTokens(m), 3);
exports.estimatePromptTokens = estimatePromptTokens;
const reservePromptTokens = (messages) => Math.ceil((0, exports.estimatePromptTokens)(messages) * 1.25) + 16;
exports.reservePromptTokens = reservePromptTokens;
function buildPrompt(input) {
    const system = input.instructions ? [{ role: 'system', content: input.instructions }] : [];
    let budget = input.contextTokens - (0, exports.estimatePromptTokens)([...system, input.message]);
    let start = input.history.length;
    let used = 0;
    for (let i = input.history.length - 1; i >= 0; i--) {
        used += estimateMessageTokens(input.history[i]);
        if (used > budget)
            break;
        if (input.history[i].role === 'user') {
            start = i;
            budget -= used;
            used = 0;
        }
    }
    return [...system, ...input.history.slice(start), input.message];
}
//# sourceMappingURL=prompt.js.map