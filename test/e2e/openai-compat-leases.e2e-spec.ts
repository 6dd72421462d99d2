import OpenAI from 'openai';
import { startTestApp, TestApp } from '../support/test-app';
import { createApiKey, signUp } from '../support/auth';
import { FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai';
import { chatEnv, sql, waitFor } from '../fakes/fake-openai-setup';
import { capTenant, spendCap } from '../support/budgets';
import { dec } from '../../src/shared/domain/money';
import { RedisClient, redisKey } from '../../src/shared/redis/redis.module';
import { SpendGuard } from '../../src/modules/chat/domain/limits.port';
import { RedisSpendGuard } from '../../src/modules/chat/adapters/redis-spend-guard';

/**
 * POST /v1/chat/completions with room to spare under its limits and cap: the first call takes admission
 * leases, the next are admitted and reserved from them in memory, their usage records name the budget lease,
 * and once the leases are retired the cap's counter holds exactly what the calls cost.
 */
describe('OpenAI-compatible /v1/chat/completions: admission leases', () => {
  let fake: FakeOpenAi;
  let t: TestApp;

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    t = await startTestApp({
      listen: true,
      workers: true,
      env: chatEnv(fake, { CHAT_RPM_PER_KEY: '100000', CHAT_ADMISSION_LEASE_MS: '10000' }),
    });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('reserves in Redis once for many calls, and the cap counts exactly what they cost', async () => {
    const owner = await signUp(t);
    const key = await createApiKey(t, owner, ['chat:invoke']);
    const budget = spendCap(`lease:${owner.tenantId}`, '1000');
    capTenant(t, owner.tenantId, budget);
    const redis = t.app.get(RedisClient);
    const reservations: string[] = [];
    const send = redis.sendCommand.bind(redis);
    const spy = jest.spyOn(redis, 'sendCommand').mockImplementation((command, ...rest) => {
      const text = [command.name, ...command.args.map(String)].join(' ');
      if (command.name === 'evalsha' && text.includes(`:rl:rpm:${owner.tenantId}`)) reservations.push(text);
      return send(command, ...rest);
    });
    const client = new OpenAI({ baseURL: `${t.url}/v1`, apiKey: key.key, maxRetries: 0 });
    try {
      for (let i = 0; i < 12; i++) {
        const messages = [{ role: 'user' as const, content: `leased ${i}` }];
        if (i % 2) {
          const stream = await client.chat.completions.create({
            model: 'gpt-4o-mini',
            messages,
            stream: true,
          });
          for await (const chunk of stream) void chunk;
        } else {
          await client.chat.completions.create({ model: 'gpt-4o-mini', messages });
        }
      }
    } finally {
      spy.mockRestore();
    }
    expect(reservations).toHaveLength(1);

    const rows = await waitFor(async () => {
      const r = await sql(t, `SELECT cost::text, spend_lease_id FROM llm_usage WHERE tenant_id = $1`, [
        owner.tenantId,
      ]);
      return r.length === 12 && r;
    }, 15000);
    const leases = new Set(rows.map((r: { spend_lease_id: string | null }) => r.spend_lease_id));
    expect(rows.filter((r: { spend_lease_id: string | null }) => r.spend_lease_id === null)).toHaveLength(1);
    expect(leases.size).toBe(2);

    await (t.app.get(SpendGuard) as RedisSpendGuard).retireLeases();
    const spent = rows.reduce((sum: ReturnType<typeof dec>, r: { cost: string }) => sum.plus(r.cost), dec(0));
    const counter = Number(await redis.get(redisKey(t.config, 'budget', budget.key)));
    // Each call is counted in nanos rounded up: at most a nano over per call.
    expect(counter).toBeGreaterThanOrEqual(spent.times(1e9).toNumber());
    expect(counter).toBeLessThanOrEqual(spent.times(1e9).toNumber() + 12);
  });
});
