"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const openai_1 = __importDefault(require("openai"));
const test_app_1 = require("../support/test-app");
const auth_1 = require("../support/auth");
const fake_openai_1 = require("../fakes/fake-openai");
const fake_openai_setup_1 = require("../fakes/fake-openai-setup");
describe('OpenAI-compatible /v1 with the official openai client', () => {
    let fake;
    let t;
    let owner;
    let client;
    let keyId;
    beforeAll(async () => {
        fake = await (0, fake_openai_1.startFakeOpenAi)();
        t = await (0, test_app_1.startTestApp)({ listen: true, workers: true, env: (0, fake_openai_setup_1.chatEnv)(fake) });
        owner = await (0, auth_1.signUp)(t);
        await owner
            .auth(t.http.post('/api/v1/agents'))
            .send({
            name: 'Support',
            slug: 'support',
            model: 'gpt-4o-mini',
            instructions: 'Be kind.',
            temperature: 0.3,
        })
            .expect(201);
        const key = await (0, auth_1.createApiKey)(t, owner, ['chat:invoke']);
        keyId = key.id;
        client = new openai_1.default({ baseURL: `${t.url}/v1`, apiKey: key.key, maxRetries: 0 });
    });
    afterAll(async () => {
        await t.close();
        await fake.close();
    });
    it('create() returns what the upstream produced, with the agent applied', async () => {
        fake.reset();
        const res = await client.chat.completions.create({
            model: 'agent:support',
            messages: [{ role: 'user', content: 'hi from the sdk' }],
            user: 'acme',
        });
        expect(res.object).toBe('chat.completion');
        expect(res.model).toBe('agent:support');
        expect(res.choices[0].message.content).toBe((0, fake_openai_1.echoOf)('hi from the sdk'));
        expect(res.usage.prompt_tokens).toBeGreaterThan(0);
        const sent = fake.requests[0].body;
        expect(sent.model).toBe('gpt-4o-mini');
        expect(sent.temperature).toBeCloseTo(0.3);
        expect(sent.messages[0]).toEqual({ role: 'system', content: 'Be kind.' });
        const [usage] = await (0, fake_openai_setup_1.waitFor)(async () => {
            const rows = await (0, fake_openai_setup_1.sql)(t, `SELECT * FROM llm_usage WHERE api_key_id = $1 AND endpoint = 'chat_completions'`, [keyId]);
            return rows.length > 0 && rows;
        });
        expect(usage).toMatchObject({
            customer_external_id: 'acme',
            status: 'completed',
            prompt_tokens: res.usage.prompt_tokens,
        });
    });
    it('create({ stream: true }) streams the same content, with usage when asked', async () => {
        const stream = await client.chat.completions.create({
            model: 'agent:support',
            messages: [{ role: 'user', content: 'stream from the sdk' }],
            stream: true,
            stream_options: { include_usage: true },
        });
        let content = '';
        let usage;
        for await (const chunk of stream) {
            expect(chunk.model).toBe('agent:support');
            content += chunk.choices[0]?.delta.content ?? '';
            if (chunk.usage)
                usage = chunk.usage;
        }
        expect(content).toBe((0, fake_openai_1.echoOf)('stream from the sdk'));
        expect(usage.completion_tokens).toBe(Math.ceil(content.length / 4));
        const plain = await client.chat.completions.create({
            model: 'gpt-4o-mini',
            messages: [{ role: 'user', content: 'raw model' }],
            stream: true,
        });
        const chunks = [];
        for await (const chunk of plain)
            chunks.push(chunk);
        expect(chunks.some((c) => c.usage)).toBe(false);
        expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe((0, fake_openai_1.echoOf)('raw model'));
    });
    it('passes client tools through and returns the tool calls', async () => {
        const res = await client.chat.completions.create({
            model: 'gpt-4o-mini',
            messages: [{ role: 'user', content: 'use your tool [calc:1+1]' }],
            tools: [{ type: 'function', function: { name: 'calculator', parameters: { type: 'object' } } }],
        });
        expect(res.choices[0].finish_reason).toBe('tool_calls');
        expect(res.choices[0].message.tool_calls[0]).toMatchObject({ function: { name: 'calculator' } });
    });
    it('lists agents and models, and maps errors to the SDK error classes', async () => {
        const models = await client.models.list();
        const ids = models.data.map((m) => m.id);
        expect(ids).toContain('agent:support');
        expect(ids).toContain('gpt-4o-mini');
        await expect(client.chat.completions.create({ model: 'agent:nope', messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(openai_1.default.NotFoundError);
        await expect(client.chat.completions.create({ model: 'gpt-unknown', messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(openai_1.default.NotFoundError);
        await expect(client.chat.completions.create({
            model: 'gpt-4o-mini',
            messages: [{ role: 'user', content: 'x [429]' }],
        })).rejects.toBeInstanceOf(openai_1.default.RateLimitError);
        await expect(client.chat.completions.create({ model: 'gpt-4o-mini', messages: [] })).rejects.toBeInstanceOf(openai_1.default.BadRequestError);
        const bad = new openai_1.default({ baseURL: `${t.url}/v1`, apiKey: 'tg_nope', maxRetries: 0 });
        await expect(bad.models.list()).rejects.toBeInstanceOf(openai_1.default.AuthenticationError);
    });
    it("does not serve another organization's agent", async () => {
        const stranger = await (0, auth_1.signUp)(t);
        const key = await (0, auth_1.createApiKey)(t, stranger, ['chat:invoke']);
        const theirs = new openai_1.default({ baseURL: `${t.url}/v1`, apiKey: key.key, maxRetries: 0 });
        await expect(theirs.chat.completions.create({ model: 'agent:support', messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(openai_1.default.NotFoundError);
    });
});
//# sourceMappingURL=openai-compat.e2e-spec.js.map