"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const test_app_1 = require("../support/test-app");
const auth_1 = require("../support/auth");
const fake_openai_1 = require("../fakes/fake-openai");
const fake_openai_setup_1 = require("../fakes/fake-openai-setup");
const PROBLEM = /application\/problem\+json/;
describe('chat through the fake OpenAI upstream', () => {
    let fake;
    let t;
    let owner;
    let agentId;
    beforeAll(async () => {
        fake = await (0, fake_openai_1.startFakeOpenAi)();
        t = await (0, test_app_1.startTestApp)({
            workers: true,
            listen: true,
            env: (0, fake_openai_setup_1.chatEnv)(fake, { CHAT_UPSTREAM_TIMEOUT_MS: '400', CHAT_MAX_TOOL_ROUNDS: '3' }),
        });
        owner = await (0, auth_1.signUp)(t);
        const agent = await owner
            .auth(t.http.post('/api/v1/agents'))
            .send({
            name: 'Math',
            slug: 'math',
            model: 'gpt-4o-mini',
            instructions: 'You are precise.',
            tools: ['calculator', 'current_time'],
            maxTokens: 200,
        })
            .expect(201);
        agentId = agent.body.id;
    });
    afterAll(async () => {
        await t.close();
        await fake.close();
    });
    const chat = (body, who = owner) => who.auth(t.http.post(`/api/v1/agents/${agentId}/chat`)).send(body);
    const usageOf = (conversationId, n = 1) => (0, fake_openai_setup_1.waitFor)(async () => {
        const rows = await (0, fake_openai_setup_1.sql)(t, `SELECT * FROM llm_usage WHERE conversation_id = $1 ORDER BY occurred_at`, [
            conversationId,
        ]);
        return rows.length >= n && rows;
    });
    it('answers a plain chat as JSON, stores the turn, and records usage with its cost', async () => {
        fake.reset();
        const res = await chat({ message: 'hello there', customer: 'acme' }).expect(200);
        expect(res.body).toMatchObject({
            status: 'completed',
            content: (0, fake_openai_1.echoOf)('hello there'),
            finishReason: 'stop',
            rounds: 1,
            currency: 'USD',
        });
        const sent = fake.requests[0].body;
        expect(sent.model).toBe('gpt-4o-mini');
        expect(sent.max_tokens).toBe(200);
        expect(sent.messages).toEqual([
            { role: 'system', content: 'You are precise.' },
            { role: 'user', content: 'hello there' },
        ]);
        expect(sent.tools.map((x) => x.function.name)).toEqual(['calculator', 'current_time']);
        const prompt = (0, fake_openai_1.promptTokensOf)(sent.messages);
        expect(res.body.usage).toEqual({
            promptTokens: prompt,
            completionTokens: Math.ceil((0, fake_openai_1.echoOf)('hello there').length / 4),
            totalTokens: prompt + Math.ceil((0, fake_openai_1.echoOf)('hello there').length / 4),
        });
        const [usage] = await usageOf(res.body.conversationId);
        expect(usage).toMatchObject({
            tenant_id: owner.tenantId,
            agent_id: agentId,
            user_id: owner.userId,
            customer_external_id: 'acme',
            endpoint: 'agent_chat',
            model: 'gpt-4o-mini',
            prompt_tokens: prompt,
            status: 'completed',
            currency: 'USD',
        });
        const expected = (prompt * 0.15 + usage.completion_tokens * 0.6) / 1e6;
        expect(Number(usage.cost)).toBeCloseTo(expected, 12);
        expect(res.body.cost).toBe(String(Number(usage.cost)));
        const conv = await owner.auth(t.http.get(`/api/v1/conversations/${res.body.conversationId}`)).expect(200);
        expect(conv.body).toMatchObject({ title: 'hello there', messageCount: 2, agentId });
        expect(conv.body.messages.items.map((m) => [m.role, m.content])).toEqual([
            ['user', 'hello there'],
            ['assistant', (0, fake_openai_1.echoOf)('hello there')],
        ]);
        fake.reset();
        await chat({ message: 'again', conversationId: res.body.conversationId }).expect(200);
        expect(fake.requests[0].body.messages.map((m) => m.content)).toEqual([
            'You are precise.',
            'hello there',
            (0, fake_openai_1.echoOf)('hello there'),
            'again',
        ]);
    });
    it('streams token deltas and a final event as Server-Sent Events', async () => {
        const res = await chat({ message: 'stream me please', stream: true }).expect(200);
        expect(res.headers['content-type']).toMatch(/text\/event-stream/);
        const events = (0, fake_openai_setup_1.parseSse)(res.text);
        const deltas = events.filter((e) => e.event === 'delta').map((e) => JSON.parse(e.data).content);
        expect(deltas.length).toBeGreaterThan(2);
        expect(deltas.join('')).toBe((0, fake_openai_1.echoOf)('stream me please'));
        const done = events.find((e) => e.event === 'done');
        const final = JSON.parse(done.data);
        expect(final).toMatchObject({ status: 'completed', content: (0, fake_openai_1.echoOf)('stream me please') });
        expect(final.usage.promptTokens).toBeGreaterThan(0);
        expect(fake.requests.at(-1).body.stream_options).toEqual({ include_usage: true });
        const [usage] = await usageOf(final.conversationId);
        expect(usage.prompt_tokens).toBe(final.usage.promptTokens);
        expect(usage.completion_tokens).toBe(final.usage.completionTokens);
    });
    it('runs a two-round tool call and stores the tool messages', async () => {
        fake.reset();
        const res = await chat({ message: 'compute [calc:17*23] and [calc:2^10]', stream: true }).expect(200);
        const events = (0, fake_openai_setup_1.parseSse)(res.text);
        const calls = events.filter((e) => e.event === 'tool_call').map((e) => JSON.parse(e.data));
        const results = events.filter((e) => e.event === 'tool_result').map((e) => JSON.parse(e.data));
        expect(calls.map((c) => [c.name, JSON.parse(c.arguments).expression])).toEqual([
            ['calculator', '17*23'],
            ['calculator', '2^10'],
        ]);
        expect(results.map((r) => r.content)).toEqual(['391', '1024']);
        const final = JSON.parse(events.find((e) => e.event === 'done').data);
        expect(final).toMatchObject({ content: 'Results: 391, 1024', rounds: 3 });
        expect(fake.requests).toHaveLength(3);
        const third = fake.requests[2].body.messages;
        expect(third.filter((m) => m.role === 'tool').map((m) => m.content)).toEqual(['391', '1024']);
        const conv = await owner.auth(t.http.get(`/api/v1/conversations/${final.conversationId}`)).expect(200);
        expect(conv.body.messages.items.map((m) => m.role)).toEqual([
            'user',
            'assistant',
            'tool',
            'assistant',
            'tool',
            'assistant',
        ]);
        expect(conv.body.messages.items[1].toolCalls[0]).toMatchObject({ name: 'calculator' });
        const [usage] = await usageOf(final.conversationId);
        expect(usage.prompt_tokens).toBe(final.usage.promptTokens);
    });
    it('retries an upstream 500 before the first token and succeeds', async () => {
        fake.reset();
        const res = await chat({ message: 'flaky [fail500:2]', stream: true }).expect(200);
        const final = JSON.parse((0, fake_openai_setup_1.parseSse)(res.text).find((e) => e.event === 'done').data);
        expect(final.content).toBe((0, fake_openai_1.echoOf)('flaky [fail500:2]'));
        expect(fake.requests).toHaveLength(3);
        fake.reset();
        await chat({ message: 'json flaky [fail500:1]' }).expect(200);
        expect(fake.requests).toHaveLength(2);
    });
    it('answers 502 when the upstream keeps failing, and records the failed call', async () => {
        fake.reset();
        const res = await chat({ message: 'broken [always500]' }).expect(502);
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(res.body.code).toBe('upstream_error');
        expect(fake.requests).toHaveLength(3);
        await (0, fake_openai_setup_1.waitFor)(async () => (await (0, fake_openai_setup_1.sql)(t, `SELECT 1 FROM llm_usage WHERE tenant_id = $1 AND status = 'failed' AND error_code = 'upstream_error'`, [owner.tenantId])).length > 0);
    });
    it('ends a stream that breaks mid-way with an error event and records the failed call', async () => {
        const res = await chat({ message: 'cut short [long:30] [cut:5]', stream: true }).expect(200);
        const events = (0, fake_openai_setup_1.parseSse)(res.text);
        expect(events.filter((e) => e.event === 'delta')).toHaveLength(5);
        const error = events.at(-1);
        expect(error.event).toBe('error');
        expect(JSON.parse(error.data)).toMatchObject({ status: 502, code: 'upstream_error' });
        const [usage] = await (0, fake_openai_setup_1.waitFor)(async () => {
            const rows = await (0, fake_openai_setup_1.sql)(t, `SELECT * FROM llm_usage WHERE tenant_id = $1 AND status = 'failed' AND completion_tokens > 0`, [owner.tenantId]);
            return rows.length > 0 && rows;
        });
        expect(usage.prompt_tokens).toBeGreaterThan(0);
    });
    it('answers 504 when the upstream is too slow', async () => {
        fake.reset();
        const res = await chat({ message: 'sleepy [slow:1500]', stream: true }).expect(504);
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(res.body.code).toBe('upstream_timeout');
        expect(fake.requests).toHaveLength(1);
        await (0, fake_openai_setup_1.waitFor)(async () => fake.requests[0].aborted);
        await chat({ message: 'json sleepy [slow:1500]' }).expect(504);
    });
    it("passes the upstream's 429 on with its Retry-After", async () => {
        const res = await chat({ message: 'busy [429]' }).expect(429);
        expect(res.headers['retry-after']).toBe('7');
        expect(res.body.code).toBe('upstream_rate_limited');
    });
    it('aborts the upstream when the client disconnects mid-stream, and still records the tokens so far', async () => {
        fake.reset();
        const controller = new AbortController();
        const res = await fetch(`${t.url}/api/v1/agents/${agentId}/chat`, {
            method: 'POST',
            headers: {
                authorization: `Bearer ${owner.accessToken}`,
                'x-organization-id': owner.tenantId,
                'content-type': 'application/json',
            },
            body: JSON.stringify({ message: 'tell me a long story [long:200] [drip:20]', stream: true }),
            signal: controller.signal,
        });
        expect(res.status).toBe(200);
        const reader = res.body.getReader();
        let text = '';
        while ((text.match(/event: delta/g) ?? []).length < 5)
            text += new TextDecoder().decode((await reader.read()).value);
        controller.abort();
        await (0, fake_openai_setup_1.waitFor)(async () => fake.requests[0]?.aborted);
        expect(fake.requests[0].finished).toBe(false);
        const [usage] = await (0, fake_openai_setup_1.waitFor)(async () => {
            const rows = await (0, fake_openai_setup_1.sql)(t, `SELECT * FROM llm_usage WHERE tenant_id = $1 AND status = 'aborted'`, [
                owner.tenantId,
            ]);
            return rows.length > 0 && rows;
        });
        expect(usage.prompt_tokens).toBeGreaterThan(0);
        expect(usage.completion_tokens).toBeGreaterThan(0);
        expect(usage.completion_tokens).toBeLessThan(200);
    });
    it('refuses an archived agent with 409 and a paused one too', async () => {
        const agent = await owner
            .auth(t.http.post('/api/v1/agents'))
            .send({ name: 'Old', slug: 'old-agent', model: 'gpt-4o-mini' })
            .expect(201);
        await owner.auth(t.http.delete(`/api/v1/agents/${agent.body.id}`)).expect(204);
        const res = await owner
            .auth(t.http.post(`/api/v1/agents/${agent.body.id}/chat`))
            .send({ message: 'hi' })
            .expect(409);
        expect(res.body.code).toBe('agent_archived');
    });
    it('validates the body and refuses a conversation of another agent or organization with 404', async () => {
        await chat({}).expect(400);
        await chat({ message: 'x', stream: 'yes' }).expect(400);
        await chat({ message: 'x', conversationId: 'nope' }).expect(400);
        const first = await chat({ message: 'mine' }).expect(200);
        const stranger = await (0, auth_1.signUp)(t);
        const theirAgent = await stranger
            .auth(t.http.post('/api/v1/agents'))
            .send({ name: 'S', slug: 'stranger', model: 'gpt-4o-mini' })
            .expect(201);
        await stranger
            .auth(t.http.post(`/api/v1/agents/${theirAgent.body.id}/chat`))
            .send({ message: 'steal', conversationId: first.body.conversationId })
            .expect(404);
    });
    it('needs chat:invoke: an API key without it gets 403, with it 200 and usage names the key', async () => {
        const readOnly = await (0, auth_1.createApiKey)(t, owner, ['agents:read']);
        await (0, auth_1.withApiKey)(readOnly.key)(t.http.post(`/api/v1/agents/${agentId}/chat`))
            .send({ message: 'hi' })
            .expect(403);
        const key = await (0, auth_1.createApiKey)(t, owner, ['chat:invoke']);
        const res = await (0, auth_1.withApiKey)(key.key)(t.http.post(`/api/v1/agents/${agentId}/chat`))
            .set('X-Tollgate-Customer', 'cust-42')
            .send({ message: 'by key' })
            .expect(200);
        const [usage] = await usageOf(res.body.conversationId);
        expect(usage).toMatchObject({ api_key_id: key.id, user_id: null, customer_external_id: 'cust-42' });
    });
    it('reports the agent status from the activity', async () => {
        const res = await owner.auth(t.http.get(`/api/v1/agents/${agentId}/status`)).expect(200);
        expect(res.body.conversations24h).toBeGreaterThan(3);
        expect(res.body.messages24h).toBeGreaterThan(6);
        expect(res.body.promptTokens24h).toBeGreaterThan(0);
        expect(res.body.lastActiveAt).not.toBeNull();
    });
});
describe('chat rate limits', () => {
    let fake;
    let t;
    beforeAll(async () => {
        fake = await (0, fake_openai_1.startFakeOpenAi)();
        t = await (0, test_app_1.startTestApp)({ env: (0, fake_openai_setup_1.chatEnv)(fake, { CHAT_RPM_PER_KEY: '3', CHAT_TPM_PER_TENANT: '100000' }) });
    });
    afterAll(async () => {
        await t.close();
        await fake.close();
    });
    it('answers 429 with Retry-After once the per-key requests per minute are used up', async () => {
        const owner = await (0, auth_1.signUp)(t);
        const agent = await owner
            .auth(t.http.post('/api/v1/agents'))
            .send({ name: 'R', slug: 'limited', model: 'gpt-4o-mini' })
            .expect(201);
        const key = await (0, auth_1.createApiKey)(t, owner, ['chat:invoke']);
        const send = (k) => (0, auth_1.withApiKey)(k)(t.http.post(`/api/v1/agents/${agent.body.id}/chat`)).send({ message: 'hi' });
        for (let i = 0; i < 3; i++)
            await send(key.key).expect(200);
        const res = await send(key.key).expect(429);
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(120);
        expect(res.body.code).toBe('rate_limited');
        const second = await (0, auth_1.createApiKey)(t, owner, ['chat:invoke']);
        await send(second.key).expect(200);
        expect(fake.requests).toHaveLength(4);
    });
});
describe('chat tokens-per-minute limit', () => {
    let fake;
    let t;
    beforeAll(async () => {
        fake = await (0, fake_openai_1.startFakeOpenAi)();
        t = await (0, test_app_1.startTestApp)({ env: (0, fake_openai_setup_1.chatEnv)(fake, { CHAT_TPM_PER_KEY: '120' }) });
    });
    afterAll(async () => {
        await t.close();
        await fake.close();
    });
    it('counts the tokens actually used and answers 429 once the minute budget is spent', async () => {
        const owner = await (0, auth_1.signUp)(t);
        const agent = await owner
            .auth(t.http.post('/api/v1/agents'))
            .send({ name: 'T', slug: 'tpm', model: 'gpt-4o-mini' })
            .expect(201);
        const key = await (0, auth_1.createApiKey)(t, owner, ['chat:invoke']);
        const send = () => (0, auth_1.withApiKey)(key.key)(t.http.post(`/api/v1/agents/${agent.body.id}/chat`)).send({
            message: 'a few words [long:40]',
        });
        let used = 0;
        let refused;
        for (let i = 0; i < 10 && !refused; i++) {
            const res = await send();
            if (res.status === 429)
                refused = res;
            else
                used += res.body.usage.totalTokens;
        }
        expect(refused).toBeDefined();
        expect(refused.body.detail).toMatch(/tokens per minute/);
        expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(used).toBeGreaterThan(60);
        expect(used).toBeLessThanOrEqual(120 + 80);
    });
});
//# sourceMappingURL=chat.e2e-spec.js.map