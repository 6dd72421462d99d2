"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sql = exports.chatEnv = void 0;
exports.waitFor = waitFor;
exports.parseSse = parseSse;
const typeorm_1 = require("typeorm");
const chatEnv = (fake, extra = {}) => ({
    OPENAI_BASE_URL: fake.url,
    OPENAI_API_KEY: 'sk-fake',
    CHAT_RETRY_BASE_MS: '5',
    ...extra,
});
exports.chatEnv = chatEnv;
async function waitFor(fn, timeoutMs = 5000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await fn();
        if (value)
            return value;
        if (Date.now() > deadline)
            throw new Error('waitFor: timed out');
        await new Promise((r) => setTimeout(r, 25));
    }
}
const sql = (t, query, params = []) => t.app.get(typeorm_1.DataSource).query(query, params);
exports.sql = sql;
function parseSse(text) {
    return text
        .split('\n\n')
        .filter((block) => block.trim())
        .map((block) => {
        const lines = block.split('\n');
        const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
        const data = lines
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
        return { event, data };
    });
}
//# sourceMappingURL=fake-openai-setup.js.map