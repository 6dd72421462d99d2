import Redis from 'ioredis';
import { startTestApp, TestApp } from '../support/test-app';
import { signUp } from '../support/auth';
import { Budget } from '../../src/shared/contracts/metering';
import { spendCap } from '../support/budgets';
import { newId } from '../../src/shared/domain/ids';
import { Reservation, SpendGuard } from '../../src/modules/chat/domain/limits.port';
import { RedisSpendGuard } from '../../src/modules/chat/adapters/redis-spend-guard';
import { UsageRecord, UsageStore } from '../../src/modules/chat/domain/usage-record';
import { ReconcileStaleReservations } from '../../src/modules/chat/application/reconcile-stale-reservations.use-case';

/** Reservations carry an expiry; the sweeper closes the ones never settled against recorded usage. */
describe('spend reservations: expiry and the stale-reservation sweeper', () => {
  let t: TestApp;
  let redis: Redis;
  let tenantId: string;
  beforeAll(async () => {
    t = await startTestApp();
    redis = new Redis(t.config.redisUrl);
    tenantId = (await signUp(t)).tenantId;
  });
  afterAll(async () => {
    await redis.quit();
    await t.close();
  });

  const budget = (): Budget => spendCap(`sweep:${newId()}`, '10');
  const counter = (b: Budget) => redis.get(`${t.config.redisKeyPrefix}:budget:${b.key}`).then(Number);
  const record = (id: string, cost: string): UsageRecord => ({
    id,
    tenantId,
    agentId: null,
    conversationId: null,
    apiKeyId: null,
    userId: null,
    customer: null,
    endpoint: 'chat_completions',
    provider: 'default',
    model: 'gpt-4o-mini',
    promptTokens: 10,
    completionTokens: 10,
    cost,
    promptCost: '0',
    completionCost: cost,
    currency: 'USD',
    latencyMs: 5,
    status: 'completed',
    errorCode: null,
    occurredAt: new Date().toISOString(),
  });

  it('a reservation never settled is reconciled to the recorded cost, once', async () => {
    const spend = t.app.get(SpendGuard);
    const b = budget();
    const usageId = newId();
    // Two calls of one usage record (a tool round trip): the first settled, the second's settlement lost.
    const first = await spend.reserve([b], 5_000_000, { tenantId, usageId, expiresAt: Date.now() - 1 });
    await spend.reserve([b], 7_000_000, { tenantId, usageId, expiresAt: Date.now() - 1 });
    await spend.settle(first, 1_000_000);
    expect(await counter(b)).toBe(1_000_000 + 7_000_000);
    await t.app.get(UsageStore).insert([record(usageId, '0.0025')]);

    await t.app.get(ReconcileStaleReservations).execute(Date.now());
    expect(await counter(b)).toBe(2_500_000);
    // Closed once: a second sweep and a late settle of the first change nothing.
    await t.app.get(ReconcileStaleReservations).execute(Date.now());
    await spend.settle(first, 1_000_000);
    expect(await counter(b)).toBe(2_500_000);
  });

  it('a reservation opened by the earlier release (a hash of its own) is still reconciled, once', async () => {
    const b = budget();
    const usageId = newId();
    const id = newId();
    const prefix = t.config.redisKeyPrefix;
    const counterKey = `${prefix}:budget:${b.key}`;
    // As that release left it: the counter holds the worst case, the hash the rest, an index entry by expiry.
    await redis.set(counterKey, 6_000_000);
    await redis.hset(`${prefix}:spend:res:${id}`, {
      nanos: 6_000_000,
      usage: usageId,
      tenant: tenantId,
      counters: counterKey,
    });
    await redis.zadd(`${prefix}:spend:open`, Date.now() - 1, id);
    await t.app.get(UsageStore).insert([record(usageId, '0.0025')]);

    await t.app.get(ReconcileStaleReservations).execute(Date.now());
    expect(await counter(b)).toBe(2_500_000);
    await t.app.get(ReconcileStaleReservations).execute(Date.now());
    expect(await counter(b)).toBe(2_500_000);
    expect(await redis.zscore(`${prefix}:spend:open`, id)).toBeNull();
  });

  it('a stale reservation with no usage record is released; one not yet expired is left alone', async () => {
    const spend = t.app.get(SpendGuard);
    const b = budget();
    await spend.reserve([b], 4_000_000, { tenantId, usageId: newId(), expiresAt: Date.now() - 1 });
    const live = await spend.reserve([b], 3_000_000, {
      tenantId,
      usageId: newId(),
      expiresAt: Date.now() + 60_000,
    });
    await t.app.get(ReconcileStaleReservations).execute(Date.now());
    expect(await counter(b)).toBe(3_000_000);
    await spend.settle(live, 2_000_000);
    expect(await counter(b)).toBe(2_000_000);
  });

  it('a budget lease left open by an instance that stopped is reconciled to the records that drew from it, once', async () => {
    const spend = t.app.get(SpendGuard);
    const b = spendCap(`sweep:${newId()}`, '1000');
    const call = () => ({ tenantId, usageId: newId(), expiresAt: Date.now() - 1, soleCall: true });
    // The first call goes to Redis and takes a lease of 256 worst cases; the next three draw from it.
    const first = await spend.reserve([b], 1_000_000, call());
    const drawn: Reservation[] = [];
    for (let i = 0; i < 3; i++) drawn.push(await spend.reserve([b], 1_000_000, call()));
    expect(drawn.every((r) => r.leaseId && r.leaseId === drawn[0].leaseId)).toBe(true);
    await spend.settle(first, 400_000);
    expect(await counter(b)).toBe(400_000 + 256_000_000);
    // The instance stops before the drawn calls end; their usage records were stored all the same.
    await t.app
      .get(UsageStore)
      .insert(drawn.map((r) => ({ ...record(r.usageId, '0.0004'), spendLeaseId: r.leaseId })));

    await t.app.get(ReconcileStaleReservations).execute(Date.now());
    expect(await counter(b)).toBe(400_000 + 3 * 400_000);
    // Closed once: a second sweep, and the drawn calls ending late on the instance, change nothing.
    await t.app.get(ReconcileStaleReservations).execute(Date.now());
    await Promise.all(drawn.map((r) => spend.settle(r, 400_000)));
    await (spend as RedisSpendGuard).retireLeases(); // retires the lease: its settlement finds it closed
    expect(await counter(b)).toBe(1_600_000);
  });
});
