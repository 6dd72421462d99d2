import { startTestApp, TestApp } from '../support/test-app';
import { createApiKey, signUp, withApiKey } from '../support/auth';
import { FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai';
import { chatEnv, sql, waitFor } from '../fakes/fake-openai-setup';
import { capTenant, spendCap } from '../support/budgets';
import { dec } from '../../src/shared/domain/money';
import { RedisClient, redisKey } from '../../src/shared/redis/redis.module';

/**
 * Two API instances on one Postgres and one Redis. Budgets come from a test double of the BudgetSource port
 * (Billing's port at the module edge); reservations, limits, the usage buffer and the database are real.
 */
describe('spend caps and rate limits across two instances', () => {
  let fake: FakeOpenAi;
  let a: TestApp;
  let b: TestApp;
  const env = () => chatEnv(fake, { CHAT_RPM_PER_KEY: '40', CHAT_RPM_PER_TENANT: '100000' });

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    a = await startTestApp({ workers: true, env: env() });
    b = await startTestApp({ env: env() });
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
    await fake.close();
  });

  const setup = async (slug: string, keys: number) => {
    const owner = await signUp(a);
    const agent = await owner
      .auth(a.http.post('/api/v1/agents'))
      .send({ name: slug, slug, model: 'gpt-4o-mini', maxTokens: 20 })
      .expect(201);
    const apiKeys = await Promise.all(
      Array.from({ length: keys }, () => createApiKey(a, owner, ['chat:invoke'])),
    );
    return { owner, agentId: agent.body.id as string, keys: apiKeys.map((k) => k.key) };
  };

  it('200 concurrent requests against a budget covering 50 never overspend', async () => {
    const { owner, agentId, keys } = await setup('race', 5);
    // Worst case per request: the prompt 'race 000 [slow:800]' is estimated at 3 + 4 + ceil(19 / 4) = 12 tokens,
    // reserved as ceil(12 * 1.25) + 16 = 31 tokens at 0.15/M, plus 20 max tokens at 0.60/M.
    const worstCase = dec(31).times('0.15').plus(dec(20).times('0.60')).div(1e6);
    const limit = worstCase.times(50);
    const budget = spendCap(`race:${owner.tenantId}`, limit.toFixed());
    for (const app of [a, b]) capTenant(app, owner.tenantId, budget);

    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => {
        const app = i % 2 ? b : a;
        return withApiKey(keys[i % keys.length])(app.http.post(`/api/v1/agents/${agentId}/chat`))
          .send({ message: `race ${String(i).padStart(3, '0')} [slow:800]` })
          .then((r) => {
            if (r.status === 402) expect(r.body.code).toBe('spend_cap_exceeded');
            return r.status;
          });
      }),
    );
    const ok = statuses.filter((s) => s === 200).length;
    const refused = statuses.filter((s) => s === 402).length;
    expect(ok + refused).toBe(200);
    expect(ok).toBeGreaterThanOrEqual(50);
    expect(refused).toBeGreaterThan(0);

    const rows = await waitFor(async () => {
      const r = await sql(
        a,
        `SELECT count(*)::int AS n, coalesce(sum(cost), 0)::text AS spent FROM llm_usage WHERE tenant_id = $1`,
        [owner.tenantId],
      );
      return r[0].n === ok && r;
    }, 15000);
    expect(dec(rows[0].spent).lte(limit)).toBe(true);

    // The Redis counter holds exactly the settled spend (in nanos, rounded up per call), not the reservations.
    const counter = await a.app.get(RedisClient).get(redisKey(a.config, 'budget', budget.key));
    expect(Number(counter)).toBeGreaterThanOrEqual(dec(rows[0].spent).times(1e9).toNumber());
    expect(Number(counter)).toBeLessThanOrEqual(dec(rows[0].spent).times(1e9).toNumber() + ok);
  });

  it('per-key requests per minute hold across both instances', async () => {
    const { agentId, keys } = await setup('rl-shared', 1);
    fake.reset();
    const statuses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        withApiKey(keys[0])((i % 2 ? b : a).http.post(`/api/v1/agents/${agentId}/chat`))
          .send({ message: `limited ${i}` })
          .then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    expect(fake.requests).toHaveLength(40);
  });
});
