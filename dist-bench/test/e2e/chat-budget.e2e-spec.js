"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const test_app_1 = require("../support/test-app");
const auth_1 = require("../support/auth");
const fake_openai_1 = require("../fakes/fake-openai");
const fake_openai_setup_1 = require("../fakes/fake-openai-setup");
const metering_1 = require("../../src/shared/contracts/metering");
const money_1 = require("../../src/shared/domain/money");
const redis_module_1 = require("../../src/shared/redis/redis.module");
describe('spend caps and rate limits across two instances', () => {
    let fake;
    let a;
    let b;
    const env = () => (0, fake_openai_setup_1.chatEnv)(fake, { CHAT_RPM_PER_KEY: '40', CHAT_RPM_PER_TENANT: '100000' });
    beforeAll(async () => {
        fake = await (0, fake_openai_1.startFakeOpenAi)();
        a = await (0, test_app_1.startTestApp)({ workers: true, env: env() });
        b = await (0, test_app_1.startTestApp)({ env: env() });
    });
    afterAll(async () => {
        await Promise.all([a.close(), b.close()]);
        await fake.close();
    });
    const setup = async (slug, keys) => {
        const owner = await (0, auth_1.signUp)(a);
        const agent = await owner
            .auth(a.http.post('/api/v1/agents'))
            .send({ name: slug, slug, model: 'gpt-4o-mini', maxTokens: 20 })
            .expect(201);
        const apiKeys = await Promise.all(Array.from({ length: keys }, () => (0, auth_1.createApiKey)(a, owner, ['chat:invoke'])));
        return { owner, agentId: agent.body.id, keys: apiKeys.map((k) => k.key) };
    };
    it('200 concurrent requests against a budget covering 50 never overspend', async () => {
        const { owner, agentId, keys } = await setup('race', 5);
        const worstCase = (0, money_1.dec)(31).times('0.15').plus((0, money_1.dec)(20).times('0.60')).div(1e6);
        const limit = worstCase.times(50);
        const budget = {
            key: `race:${owner.tenantId}`,
            limit: limit.toFixed(),
            spent: '0',
            currency: 'USD',
            ttlSeconds: 3600,
            reason: 'spend_cap_exceeded',
        };
        for (const app of [a, b]) {
            const source = app.app.get(metering_1.BudgetSource);
            const original = source.budgetsFor.bind(source);
            source.budgetsFor = async (scope) => scope.tenantId === owner.tenantId ? [budget] : original(scope);
        }
        const statuses = await Promise.all(Array.from({ length: 200 }, (_, i) => {
            const app = i % 2 ? b : a;
            return (0, auth_1.withApiKey)(keys[i % keys.length])(app.http.post(`/api/v1/agents/${agentId}/chat`))
                .send({ message: `race ${String(i).padStart(3, '0')} [slow:800]` })
                .then((r) => {
                if (r.status === 402)
                    expect(r.body.code).toBe('spend_cap_exceeded');
                return r.status;
            });
        }));
        const ok = statuses.filter((s) => s === 200).length;
        const refused = statuses.filter((s) => s === 402).length;
        expect(ok + refused).toBe(200);
        expect(ok).toBeGreaterThanOrEqual(50);
        expect(refused).toBeGreaterThan(0);
        const rows = await (0, fake_openai_setup_1.waitFor)(async () => {
            const r = await (0, fake_openai_setup_1.sql)(a, `SELECT count(*)::int AS n, coalesce(sum(cost), 0)::text AS spent FROM llm_usage WHERE tenant_id = $1`, [owner.tenantId]);
            return r[0].n === ok && r;
        }, 15000);
        expect((0, money_1.dec)(rows[0].spent).lte(limit)).toBe(true);
        const counter = await a.app.get(redis_module_1.RedisClient).get((0, redis_module_1.redisKey)(a.config, 'budget', budget.key));
        expect(Number(counter)).toBeGreaterThanOrEqual((0, money_1.dec)(rows[0].spent).times(1e9).toNumber());
        expect(Number(counter)).toBeLessThanOrEqual((0, money_1.dec)(rows[0].spent).times(1e9).toNumber() + ok);
    });
    it('per-key requests per minute hold across both instances', async () => {
        const { agentId, keys } = await setup('rl-shared', 1);
        fake.reset();
        const statuses = await Promise.all(Array.from({ length: 60 }, (_, i) => (0, auth_1.withApiKey)(keys[0])((i % 2 ? b : a).http.post(`/api/v1/agents/${agentId}/chat`))
            .send({ message: `limited ${i}` })
            .then((r) => r.status)));
        expect(statuses.filter((s) => s === 200)).toHaveLength(40);
        expect(statuses.filter((s) => s === 429)).toHaveLength(20);
        expect(fake.requests).toHaveLength(40);
    });
});
//# sourceMappingURL=chat-budget.e2e-spec.js.map