import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { createRedisConnection, RedisClient } from '../../src/shared/redis/redis.module';
import { rateCounterKey } from '../../src/modules/chat/adapters/redis-rate-limiter';
import { RedisSpendGuard } from '../../src/modules/chat/adapters/redis-spend-guard';
import { BudgetExhaustedError, RateRule, Reservation } from '../../src/modules/chat/domain/limits.port';
import { spendCap } from '../support/budgets';

const WINDOW_MS = 60_000;
const nanos = (units: number) => units * 1e9;

/**
 * Admission leases (RedisSpendGuard with AdmissionLeases): quota taken from Redis ahead of need serves the
 * following requests from memory, and no limit or cap is ever exceeded, across instances too. Leases here
 * lend for 10 s (they stop at the end of their minute, so each test starts with seconds of its minute left);
 * a guard's shutdown retires them, as a lease's end would.
 */
describe('admission leases: rate and budget quota held by an instance', () => {
  let config: AppConfig;
  let redis: Redis;
  let commands: string[];
  const guards: RedisSpendGuard[] = [];

  beforeAll(async () => {
    config = loadConfig(process.env, {
      REDIS_KEY_PREFIX: `tgtest_${randomBytes(4).toString('hex')}`,
      CHAT_ADMISSION_LEASE_MS: '10000',
    });
    redis = createRedisConnection(config, { enableAutoPipelining: true, commandTimeout: 2000 });
    await redis.ping();
  });
  beforeEach(async () => {
    // A rate lease never lends past the end of the minute it was counted in: start well inside one.
    const [seconds, micros] = await redis.time();
    const left = WINDOW_MS - ((Number(seconds) * 1000 + Math.floor(Number(micros) / 1000)) % WINDOW_MS);
    if (left < 15_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
    commands = [];
    const send = redis.sendCommand.bind(redis);
    jest.spyOn(redis, 'sendCommand').mockImplementation((command, ...rest) => {
      commands.push(command.name);
      return send(command, ...rest);
    });
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await Promise.all(guards.splice(0).map((g) => g.retireLeases()));
  });
  afterAll(async () => {
    const keys = await redis.keys(`${config.redisKeyPrefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  const newGuard = () => {
    const guard = new RedisSpendGuard(redis as RedisClient, config);
    guards.push(guard);
    return guard;
  };
  const scripts = () => commands.filter((c) => c === 'evalsha' || c === 'eval').length;
  const count = async (key: string) => {
    const [seconds, micros] = await redis.time();
    const window = Math.floor((Number(seconds) * 1000 + Math.floor(Number(micros) / 1000)) / WINDOW_MS);
    return Number((await redis.get(`${rateCounterKey(config, key)}:${window}`)) ?? 0);
  };
  const budgetCounter = (key: string) => redis.get(`${config.redisKeyPrefix}:budget:${key}`).then(Number);
  /** The open reservations (leases included) held against one budget. */
  const openMembers = async (budgetKey: string) =>
    (await redis.zrange(`${config.redisKeyPrefix}:spend:held`, 0, -1)).filter((m) =>
      m.includes(`:budget:${budgetKey}"`),
    );
  let n = 0;
  const owner = () => ({
    tenantId: 't1',
    usageId: `usage-${n++}`,
    expiresAt: Date.now() + 60_000,
    soleCall: true,
  });
  const rpm = (key: string, limit: number): RateRule => ({
    label: 'requests per minute',
    key,
    limit,
    cost: 1,
  });

  it('serves the requests after the first from its leases, with no Redis command, and counts the leases in Redis', async () => {
    const guard = newGuard();
    const budgets = [spendCap('lease:served', '1000000')];
    const rules = () => [rpm('rpm:served', 1_000_000), { ...rpm('tpm:served', 1_000_000), cost: 10 }];

    const first = await guard.reserve(budgets, nanos(1), owner(), rules());
    expect(scripts()).toBe(1);
    expect(first.leaseId).toBeUndefined();
    const drawn: Reservation[] = [];
    for (let i = 0; i < 100; i++) drawn.push(await guard.reserve(budgets, nanos(1), owner(), rules()));

    expect(scripts()).toBe(1);
    expect(new Set(drawn.map((r) => r.leaseId)).size).toBe(1);
    expect(drawn[0].leaseId).toEqual(expect.any(String));
    // Redis holds what the instance may lend: 256 requests' worth of each rule and 256 worst cases.
    expect(await count('rpm:served')).toBe(1 + 256);
    expect(await count('tpm:served')).toBe(10 + 2560);
    expect(await budgetCounter('lease:served')).toBe(nanos(1 + 256));
  });

  it('gives back what it did not lend and settles a budget lease to what its requests cost', async () => {
    const guard = newGuard();
    const budgets = [spendCap('lease:back', '1000000')];
    const rules = () => [rpm('rpm:back', 1_000_000)];
    const first = await guard.reserve(budgets, nanos(2), owner(), rules());
    const drawn = await Promise.all(
      Array.from({ length: 30 }, () => guard.reserve(budgets, nanos(2), owner(), rules())),
    );
    expect(drawn.every((r) => r.leaseId === drawn[0].leaseId && r.leaseId)).toBe(true);

    // Each call cost half a unit of the two held; one is settled twice.
    await Promise.all([first, ...drawn, drawn[0]].map((r) => guard.settle(r, nanos(0.5))));
    expect(await openMembers('lease:back')).toHaveLength(1); // the lease, still lending
    await guard.retireLeases();

    expect(await count('rpm:back')).toBe(31);
    expect(await budgetCounter('lease:back')).toBe(nanos(0.5 * 31));
    expect(await openMembers('lease:back')).toEqual([]);
  });

  it('gives back what a stopped budget lease did not lend at once, and settles it when its last request ends', async () => {
    const guard = newGuard();
    const budgets = [spendCap('lease:inflight', '1000000')];
    await guard.settle(await guard.reserve(budgets, nanos(1), owner()), nanos(1));
    const pending = await guard.reserve(budgets, nanos(1), owner());
    expect(pending.leaseId).toEqual(expect.any(String));
    expect(await budgetCounter('lease:inflight')).toBe(nanos(1 + 256));

    // Stopped with a request in flight: the lease now holds that request's worst case only.
    await guard.retireLeases();
    expect(await openMembers('lease:inflight')).toHaveLength(1);
    expect(await budgetCounter('lease:inflight')).toBe(nanos(1 + 1));
    const [member] = await openMembers('lease:inflight');
    expect(JSON.parse(member)).toEqual([
      expect.any(String),
      pending.leaseId,
      't1',
      nanos(1),
      expect.any(Array),
    ]);

    await guard.settle(pending, nanos(0.25));
    expect(await openMembers('lease:inflight')).toEqual([]);
    expect(await budgetCounter('lease:inflight')).toBe(nanos(1.25));
  });

  it('lends no more than a lease holds: the request that does not fit goes to Redis, with the rest given back', async () => {
    const guard = newGuard();
    // Room after the first request: 999, so the lease is 999 / 16 = 62 requests.
    const rule = () => [rpm('rpm:short', 1000)];
    await guard.reserve([], 0, owner(), rule());
    for (let i = 0; i < 62; i++) await guard.reserve([], 0, owner(), rule());
    expect(scripts()).toBe(1);
    expect(await count('rpm:short')).toBe(63);

    // The 64th finds the lease used up: it goes to Redis and takes a new lease, from the room left (936): 58.
    await guard.reserve([], 0, owner(), rule());
    expect(scripts()).toBe(2);
    expect(await count('rpm:short')).toBe(64 + 58);
    // Retired with 58 unlent: they go back, and the count is what was admitted.
    await guard.retireLeases();
    expect(await count('rpm:short')).toBe(64);
  });

  it('never lets instances together exceed a limit, and loses no room: what leases held comes back', async () => {
    const [a, b] = [newGuard(), newGuard()];
    const limit = 3000;
    const rule = () => [rpm('rpm:shared', limit)];
    const admitted = async (guard: RedisSpendGuard, calls: number) =>
      (
        await Promise.allSettled(Array.from({ length: calls }, () => guard.reserve([], 0, owner(), rule())))
      ).filter((o) => o.status === 'fulfilled').length;
    let total = 0;
    for (let round = 0; round < 40; round++) total += (await admitted(a, 50)) + (await admitted(b, 50));

    expect(total).toBeLessThanOrEqual(limit);
    expect(await count('rpm:shared')).toBeGreaterThanOrEqual(total);
    await Promise.all([a.retireLeases(), b.retireLeases()]);
    expect(await count('rpm:shared')).toBe(total);
    // The room the leases held is there again, to the last request.
    total += await admitted(a, limit - total);
    expect(total).toBe(limit);
    expect(await admitted(b, 1)).toBe(0);
  });

  it('never lets instances together hold more than a cap, and settles it to exactly what was spent', async () => {
    const [a, b] = [newGuard(), newGuard()];
    // 1,000 units of cap, 1 unit worst case: budget leases of 31 while the room is over 16 times that.
    const budgets = [spendCap('lease:shared', '1000')];
    const held: Array<{ guard: RedisSpendGuard; reservation: Reservation }> = [];
    let refused = 0;
    const round = async (guard: RedisSpendGuard) => {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 25 }, () => guard.reserve(budgets, nanos(1), owner())),
      );
      for (const o of outcomes) {
        if (o.status === 'fulfilled') held.push({ guard, reservation: o.value });
        else if (o.reason instanceof BudgetExhaustedError) refused++;
        else throw o.reason;
      }
    };
    for (let i = 0; i < 30; i++) await Promise.all([round(a), round(b)]);

    expect(held.length).toBeLessThanOrEqual(1000);
    expect(refused).toBeGreaterThan(0);
    expect(held.filter((h) => h.reservation.leaseId).length).toBeGreaterThan(100);
    expect(await budgetCounter('lease:shared')).toBeLessThanOrEqual(nanos(1000));

    // Each call spent a quarter of a unit.
    await Promise.all(held.map((h) => h.guard.settle(h.reservation, nanos(0.25))));
    await Promise.all([a.retireLeases(), b.retireLeases()]);
    expect(await budgetCounter('lease:shared')).toBe(nanos(0.25 * held.length));
    expect(await openMembers('lease:shared')).toEqual([]);
  });

  it('takes no lease near a cap or under a small limit: every request is reserved in Redis, exactly', async () => {
    const guard = newGuard();
    // 10 units of cap: a lease of 256 worst cases would need 16 times its size free.
    const budgets = [spendCap('lease:small', '10')];
    const outcomes = [];
    for (let i = 0; i < 12; i++) {
      outcomes.push(
        await guard.reserve(budgets, nanos(1), owner(), [rpm('rpm:small', 40)]).then(
          () => 'held',
          (e) => e,
        ),
      );
    }
    expect(outcomes.slice(0, 10)).toEqual(Array(10).fill('held'));
    expect(outcomes.slice(10).every((e) => e instanceof BudgetExhaustedError)).toBe(true);
    expect(scripts()).toBe(12);
    expect(await count('rpm:small')).toBe(12);
    expect(await budgetCounter('lease:small')).toBe(nanos(10));
  });
});
