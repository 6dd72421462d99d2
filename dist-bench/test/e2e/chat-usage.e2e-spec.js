"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const test_app_1 = require("../support/test-app");
const auth_1 = require("../support/auth");
const fake_openai_1 = require("../fakes/fake-openai");
const fake_openai_setup_1 = require("../fakes/fake-openai-setup");
const metering_1 = require("../../src/shared/contracts/metering");
const store_usage_records_use_case_1 = require("../../src/modules/chat/application/store-usage-records.use-case");
const usage_record_1 = require("../../src/modules/chat/domain/usage-record");
const redis_usage_buffer_1 = require("../../src/modules/chat/adapters/redis-usage-buffer");
const redis_module_1 = require("../../src/shared/redis/redis.module");
const node_crypto_1 = require("node:crypto");
describe('usage records: durable buffer, batch insert, idempotent hand-off to Billing', () => {
    let fake;
    const env = () => (0, fake_openai_setup_1.chatEnv)(fake, { REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX}_usage` });
    beforeAll(async () => {
        fake = await (0, fake_openai_1.startFakeOpenAi)();
    });
    afterAll(() => fake.close());
    it('keeps usage buffered while no worker runs (API process gone) and stores it once a worker starts', async () => {
        const api = await (0, test_app_1.startTestApp)({ env: env() });
        const owner = await (0, auth_1.signUp)(api);
        const agent = await owner
            .auth(api.http.post('/api/v1/agents'))
            .send({ name: 'U', slug: 'usage', model: 'gpt-4o-mini' })
            .expect(201);
        const answers = await Promise.all([1, 2, 3].map((i) => owner
            .auth(api.http.post(`/api/v1/agents/${agent.body.id}/chat`))
            .send({ message: `count ${i}` })
            .expect(200)));
        await api.close();
        const worker = await (0, test_app_1.startTestApp)({ workers: true, env: env() });
        try {
            const received = [];
            const sink = worker.app.get(metering_1.UsageEventSink);
            const ingest = sink.ingest.bind(sink);
            sink.ingest = async (events) => {
                received.push(...events);
                return ingest(events);
            };
            const rows = await (0, fake_openai_setup_1.waitFor)(async () => {
                const r = await (0, fake_openai_setup_1.sql)(worker, 'SELECT * FROM llm_usage WHERE tenant_id = $1 ORDER BY id', [
                    owner.tenantId,
                ]);
                return r.length === 3 && r;
            }, 10000);
            expect(rows.map((r) => r.conversation_id).sort()).toEqual(answers.map((a) => a.body.conversationId).sort());
            await (0, fake_openai_setup_1.waitFor)(async () => received.length === 9);
            const records = rows.map((r) => ({
                id: r.id,
                tenantId: r.tenant_id,
                agentId: r.agent_id,
                conversationId: r.conversation_id,
                apiKeyId: r.api_key_id,
                userId: r.user_id,
                customer: null,
                endpoint: r.endpoint,
                provider: r.provider,
                model: r.model,
                promptTokens: r.prompt_tokens,
                completionTokens: r.completion_tokens,
                cost: r.cost,
                promptCost: '0',
                completionCost: r.cost,
                currency: r.currency,
                latencyMs: r.latency_ms,
                status: r.status,
                errorCode: null,
                occurredAt: r.occurred_at.toISOString(),
            }));
            await worker.app.get(store_usage_records_use_case_1.StoreUsageRecords).execute(records);
            expect(await (0, fake_openai_setup_1.sql)(worker, 'SELECT 1 FROM llm_usage WHERE tenant_id = $1', [owner.tenantId])).toHaveLength(3);
            const ids = received.map((e) => e.eventId);
            expect(new Set(ids.slice(0, 9))).toEqual(new Set(ids.slice(9)));
            expect(received
                .slice(0, 9)
                .map((e) => e.metricCode)
                .sort()).toEqual([
                ...Array(3).fill('agent_requests'),
                ...Array(3).fill('llm_completion_tokens'),
                ...Array(3).fill('llm_prompt_tokens'),
            ]);
            const prompt = received.find((e) => e.metricCode === 'llm_prompt_tokens' && e.eventId.startsWith(rows[0].id));
            expect(prompt).toMatchObject({
                tenantId: owner.tenantId,
                agentId: agent.body.id,
                properties: { tokens: rows[0].prompt_tokens },
            });
        }
        finally {
            await worker.close();
        }
    });
    it('parks a record that can never be stored (unknown organization) and stores the rest of its batch', async () => {
        const api = await (0, test_app_1.startTestApp)({ env: env() });
        const owner = await (0, auth_1.signUp)(api);
        const record = (tenantId) => ({
            id: (0, node_crypto_1.randomUUID)(),
            tenantId,
            agentId: null,
            conversationId: null,
            apiKeyId: null,
            userId: owner.userId,
            customer: null,
            endpoint: 'chat_completions',
            provider: 'default',
            model: 'gpt-4o-mini',
            promptTokens: 10,
            completionTokens: 5,
            cost: '0.0000045',
            promptCost: '0.0000015',
            completionCost: '0.000003',
            currency: 'USD',
            latencyMs: 12,
            status: 'completed',
            errorCode: null,
            occurredAt: new Date().toISOString(),
        });
        const good = record(owner.tenantId);
        const poison = record((0, node_crypto_1.randomUUID)());
        const buffer = api.app.get(usage_record_1.UsageBuffer);
        await buffer.append(poison);
        await buffer.append(good);
        await api.close();
        const worker = await (0, test_app_1.startTestApp)({ workers: true, env: env() });
        try {
            await (0, fake_openai_setup_1.waitFor)(async () => (await (0, fake_openai_setup_1.sql)(worker, 'SELECT 1 FROM llm_usage WHERE id = $1', [good.id])).length === 1, 10000);
            const dead = await (0, fake_openai_setup_1.waitFor)(async () => {
                const entries = await worker.app
                    .get(redis_module_1.RedisClient)
                    .xrange(`${(0, redis_usage_buffer_1.usageStreamKey)(worker.config)}:dead`, '-', '+');
                return entries.find(([, fields]) => fields[1].includes(poison.id));
            });
            expect(dead[1][3]).toMatch(/foreign key/);
        }
        finally {
            await worker.close();
        }
    });
});
//# sourceMappingURL=chat-usage.e2e-spec.js.map