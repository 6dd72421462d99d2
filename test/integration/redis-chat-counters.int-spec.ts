import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { createRedisConnection, RedisClient } from '../../src/shared/redis/redis.module';
import { RedisRateLimiter, rateCounterKey } from '../../src/modules/chat/adapters/redis-rate-limiter';
import { RedisUsageBuffer, usageStreamKey } from '../../src/modules/chat/adapters/redis-usage-buffer';
import { RedisSpendGuard } from '../../src/modules/chat/adapters/redis-spend-guard';
import {
  BudgetExhaustedError,
  RateLimitExceededError,
  RateRule,
} from '../../src/modules/chat/domain/limits.port';
import { spendCap } from '../support/budgets';
import { UsageRecord } from '../../src/modules/chat/domain/usage-record';

const WINDOW_MS = 60_000;

/**
 * The chat path's Redis adapters as production builds them (auto-pipelining on): the calls of one
 * event-loop turn go out as one script command, and each gets the answer it would have got alone.
 */
describe("the chat path's Redis counters (rate limits, usage buffer, budgets), batched per event-loop turn", () => {
  let config: AppConfig;
  let redis: Redis;
  let commands: string[];
  /** Each command's arguments, as ioredis sent them. */
  let sent: string[][];

  beforeAll(async () => {
    config = loadConfig(process.env, { REDIS_KEY_PREFIX: `tgtest_${randomBytes(4).toString('hex')}` });
    redis = createRedisConnection(config, { enableAutoPipelining: true, commandTimeout: 2000 });
    // Connected first: a command sent before is sent again from the offline queue, and counted twice.
    await redis.ping();
  });
  beforeEach(() => {
    commands = [];
    sent = [];
    const send = redis.sendCommand.bind(redis);
    jest.spyOn(redis, 'sendCommand').mockImplementation((command, ...rest) => {
      commands.push(command.name);
      sent.push(command.args.map(String));
      return send(command, ...rest);
    });
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    const keys = await redis.keys(`${config.redisKeyPrefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  /** The current window's count of a counter (the scripts suffix keys with the window's number). */
  const count = async (key: string) => {
    const { time } = await currentWindow();
    return Number((await redis.get(`${rateCounterKey(config, key)}:${time}`)) ?? 0);
  };
  const currentWindow = async () => {
    const [seconds, micros] = await redis.time();
    return { time: Math.floor((Number(seconds) * 1000 + Math.floor(Number(micros) / 1000)) / WINDOW_MS) };
  };

  it('admits the requests of one turn in call order, as one command, refusing those over the limit', async () => {
    const limiter = new RedisRateLimiter(redis as RedisClient, config);
    const rule = (): RateRule => ({ label: 'requests per minute', key: 'rpm:batch', limit: 5, cost: 1 });
    const decisions = await Promise.all(Array.from({ length: 8 }, () => limiter.admit([rule()])));

    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false, false, false]);
    for (const refused of decisions.slice(5)) {
      expect(refused).toMatchObject({ allowed: false, rule: { key: 'rpm:batch' } });
      expect(refused.allowed === false && refused.retryAfterMs).toBeGreaterThan(0);
    }
    expect(commands.filter((c) => c === 'evalsha' || c === 'eval')).toHaveLength(1);
    expect(await count('rpm:batch')).toBe(5);
  });

  it('adds nothing for a refused request, not even to the rules it passed', async () => {
    const limiter = new RedisRateLimiter(redis as RedisClient, config);
    const rules = (): RateRule[] => [
      { label: 'requests per minute', key: 'rpm:partial', limit: 100, cost: 1 },
      { label: 'tokens per minute', key: 'tpm:partial', limit: 10, cost: 4 },
    ];
    const decisions = await Promise.all([1, 2, 3].map(() => limiter.admit(rules())));

    expect(decisions.map((d) => d.allowed)).toEqual([true, true, false]);
    expect(decisions[2]).toMatchObject({ rule: { key: 'tpm:partial' } });
    expect(await count('rpm:partial')).toBe(2);
    expect(await count('tpm:partial')).toBe(8);
  });

  it('reads the counters afresh for each command: what another instance added in between counts', async () => {
    const limiter = new RedisRateLimiter(redis as RedisClient, config);
    const rule = (): RateRule => ({ label: 'requests per minute', key: 'rpm:fresh', limit: 3, cost: 1 });
    expect((await limiter.admit([rule()])).allowed).toBe(true);
    const { time } = await currentWindow();
    await redis.incrby(`${rateCounterKey(config, 'rpm:fresh')}:${time}`, 2);

    expect((await limiter.admit([rule()])).allowed).toBe(false);
    expect(await count('rpm:fresh')).toBe(3);
  });

  it('appends the records of one turn in order, as one command, with their counter adjustments', async () => {
    const buffer = new RedisUsageBuffer(redis as RedisClient, config);
    const stream = usageStreamKey(config);
    const before = await redis.xlen(stream);
    const record = (n: number) => ({ id: `usage-${n}`, status: 'completed' }) as unknown as UsageRecord;
    await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        buffer.append(
          record(n),
          n % 2
            ? [
                { key: 'tpm:adjusted', amount: 5 },
                { key: 'tpm:other', amount: 0 },
              ]
            : [],
        ),
      ),
    );

    expect(commands.filter((c) => c === 'evalsha' || c === 'eval')).toHaveLength(1);
    const entries = (await redis.xrange(stream, '-', '+')).slice(before);
    expect(entries.map(([, fields]) => (JSON.parse(fields[1]) as UsageRecord).id)).toEqual(
      Array.from({ length: 10 }, (_, n) => `usage-${n}`),
    );
    expect(await count('tpm:adjusted')).toBe(25);
    expect(await count('tpm:other')).toBe(0);
    const { time } = await currentWindow();
    expect(await redis.pttl(`${rateCounterKey(config, 'tpm:adjusted')}:${time}`)).toBeGreaterThan(0);
  });

  it('gives a counter its expiry when an adjustment creates it, also a negative one', async () => {
    const limiter = new RedisRateLimiter(redis as RedisClient, config);
    await limiter.add([{ key: 'tpm:negative', amount: -7 }]);
    await limiter.add([{ key: 'tpm:negative', amount: 3 }]);
    const { time } = await currentWindow();
    const key = `${rateCounterKey(config, 'tpm:negative')}:${time}`;
    expect(Number(await redis.get(key))).toBe(-4);
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(2 * WINDOW_MS);
  });

  const budget = spendCap;
  const owner = (n: number) => ({
    tenantId: 'tenant-1',
    usageId: `usage-${n}`,
    expiresAt: Date.now() + 60_000,
  });
  const nanos = (units: number) => units * 1e9;

  it('reserves the requests of one turn in call order, as one command, refusing those over a budget', async () => {
    const guard = new RedisSpendGuard(redis as RedisClient, config);
    // 10 units, 4 spent before: room for three reservations of 2 units.
    const budgets = [budget('cap:turn', '100'), budget('cap:tight', '10', '4')];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, (_, n) => guard.reserve(budgets, nanos(2), owner(n))),
    );

    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'rejected',
    ]);
    for (const o of outcomes.slice(3))
      expect(o.status === 'rejected' && o.reason).toEqual(expect.any(BudgetExhaustedError));
    expect(outcomes[3].status === 'rejected' && (outcomes[3].reason as BudgetExhaustedError).budget.key).toBe(
      'cap:tight',
    );
    expect(commands.filter((c) => c === 'evalsha' || c === 'eval')).toHaveLength(1);
    expect(await redis.get(`${config.redisKeyPrefix}:budget:cap:tight`)).toBe(String(nanos(10)));
    expect(await redis.get(`${config.redisKeyPrefix}:budget:cap:turn`)).toBe(String(nanos(6)));
    // Each open reservation is one member of the open set, and nothing else.
    expect(await redis.zcard(`${config.redisKeyPrefix}:spend:held`)).toBe(3);
    expect(await redis.keys(`${config.redisKeyPrefix}:spend:res:*`)).toEqual([]);
  });

  it('admits and reserves in one command: a rate refusal holds nothing, a budget refusal stays counted', async () => {
    const guard = new RedisSpendGuard(redis as RedisClient, config);
    const rules = (): RateRule[] => [
      { label: 'requests per minute', key: 'rpm:gate', limit: 4, cost: 1 },
      { label: 'tokens per minute', key: 'tpm:gate', limit: 1000, cost: 10 },
    ];
    // Room in the budget for two reservations of 2 units, in the rules for four requests.
    const budgets = [budget('cap:gate', '4')];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, n) => guard.reserve(budgets, nanos(2), owner(30 + n), rules())),
    );

    expect(commands.filter((c) => c === 'evalsha' || c === 'eval')).toHaveLength(1);
    const reasons = outcomes.map((o) => (o.status === 'fulfilled' ? 'held' : o.reason.constructor.name));
    expect(reasons).toEqual([
      'held',
      'held',
      'BudgetExhaustedError',
      'BudgetExhaustedError',
      'RateLimitExceededError',
      'RateLimitExceededError',
    ]);
    const refused = (outcomes[4] as PromiseRejectedResult).reason as RateLimitExceededError;
    expect(refused.rule.key).toBe('rpm:gate');
    expect(refused.details).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    // The budget refusals were admitted first (counted, as separate calls would have); the rate refusals
    // added nothing anywhere.
    expect(await count('rpm:gate')).toBe(4);
    expect(await count('tpm:gate')).toBe(40);
    expect(await redis.get(`${config.redisKeyPrefix}:budget:cap:gate`)).toBe(String(nanos(4)));
    const open = await redis.zrange(`${config.redisKeyPrefix}:spend:held`, 0, -1);
    expect(open.filter((m) => m.includes('"usage-3'))).toHaveLength(2);
  });

  it('admits without budgets in the reservation command and holds nothing', async () => {
    const guard = new RedisSpendGuard(redis as RedisClient, config);
    const rule = (): RateRule => ({ label: 'requests per minute', key: 'rpm:unbudgeted', limit: 2, cost: 1 });
    const outcomes = await Promise.allSettled(
      [0, 1, 2].map((n) => guard.reserve([], 0, owner(50 + n), [rule()])),
    );

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((outcomes[0] as PromiseFulfilledResult<{ nanos: number }>).value.nanos).toBe(0);
    expect(await count('rpm:unbudgeted')).toBe(2);
    const open = await redis.zrange(`${config.redisKeyPrefix}:spend:held`, 0, -1);
    expect(open.filter((m) => m.includes('"usage-5'))).toEqual([]);
  });

  it('reads each budget counter afresh for each command, and rounds limit down and spent up to nanos', async () => {
    const guard = new RedisSpendGuard(redis as RedisClient, config);
    // Limit 10 units and 1.9 nanos (10e9 + 1 nanos), 0.1 nano spent (1 nano): exactly 10 units of room.
    const budgets = [budget('cap:fresh', '10.0000000019', '0.0000000001')];
    await guard.reserve(budgets, nanos(4), owner(20));
    // Another instance reserved 5 units in between.
    await redis.incrby(`${config.redisKeyPrefix}:budget:cap:fresh`, nanos(5));

    await expect(guard.reserve(budgets, nanos(2), owner(21))).rejects.toBeInstanceOf(BudgetExhaustedError);
    await guard.reserve(budgets, nanos(1), owner(22));
    await expect(guard.reserve(budgets, 1, owner(23))).rejects.toBeInstanceOf(BudgetExhaustedError);
    expect(await redis.get(`${config.redisKeyPrefix}:budget:cap:fresh`)).toBe(String(nanos(10) + 1));
  });

  it('settles the reservations of one turn as one command, each once however often it is retried', async () => {
    const guard = new RedisSpendGuard(redis as RedisClient, config);
    const budgets = [budget('cap:settle', '100')];
    const held = await Promise.all([0, 1, 2].map((n) => guard.reserve(budgets, nanos(5), owner(n))));
    commands = [];

    // Each call cost 1 unit of the 5 held; the first settle is sent twice in the same turn.
    await Promise.all([held[0], ...held].map((r) => guard.settle(r, nanos(1))));

    expect(commands.filter((c) => c === 'evalsha' || c === 'eval')).toHaveLength(1);
    expect(await redis.get(`${config.redisKeyPrefix}:budget:cap:settle`)).toBe(String(nanos(3)));
    const open = (await guard.stale(Date.now() + 120_000, 100)).map((r) => r.id);
    expect(open.filter((id) => held.some((r) => r.id === id))).toEqual([]);
  });

  it("keeps a usage record's settled total only while other calls may bill the record", async () => {
    const guard = new RedisSpendGuard(redis as RedisClient, config);
    const budgets = [budget('cap:sole', '100')];
    const settled = (usageId: string) => redis.exists(`${config.redisKeyPrefix}:spend:settled:${usageId}`);
    const sole = await guard.reserve(budgets, nanos(5), { ...owner(10), soleCall: true });
    const round = await guard.reserve(budgets, nanos(5), owner(11));
    // A copy of the reservation (not the object reserve returned) is found in the open set all the same.
    await Promise.all([guard.settle(sole, nanos(1)), guard.settle({ ...round }, nanos(2))]);

    expect(await settled('usage-10')).toBe(0);
    expect(await settled('usage-11')).toBe(1);
    expect(await redis.get(`${config.redisKeyPrefix}:budget:cap:sole`)).toBe(String(nanos(3)));
  });

  /**
   * The commands Redis ran (scripts' own calls included, as MONITOR shows them) on this suite's keys while
   * `work` ran: a fresh MONITOR connection, read up to a marker sent after the work.
   */
  const redisRan = async (work: () => Promise<unknown>): Promise<string[][]> => {
    const monitor = await redis.monitor();
    const ran: string[][] = [];
    const marker = `${config.redisKeyPrefix}:done:${randomBytes(4).toString('hex')}`;
    const done = new Promise<void>((resolve) =>
      monitor.on('monitor', (_time: string, args: string[]) => {
        if (args.includes(marker)) resolve();
        else if (args.some((a) => a.startsWith(`${config.redisKeyPrefix}:`))) ran.push(args);
      }),
    );
    try {
      await work();
      await redis.exists(marker);
      await done;
    } finally {
      monitor.disconnect();
    }
    return ran;
  };
  const writesTo = (ran: string[][], command: string, key: string) =>
    ran.filter(([name, k]) => name.toUpperCase() === command && k.startsWith(key));

  it('sends each key once per command and writes each counter once, however many requests share it', async () => {
    const guard = new RedisSpendGuard(redis as RedisClient, config);
    const buffer = new RedisUsageBuffer(redis as RedisClient, config);
    const rules = (): RateRule[] => [
      { label: 'requests per minute', key: 'rpm:shared', limit: 100, cost: 1 },
      { label: 'tokens per minute', key: 'tpm:shared', limit: 10_000, cost: 50 },
    ];
    const budgets = [budget('cap:shared-a', '100'), budget('cap:shared-b', '100')];
    const budgetKey = (b: { key: string }) => `${config.redisKeyPrefix}:budget:${b.key}`;
    const rpm = rateCounterKey(config, 'rpm:shared');
    const tpm = rateCounterKey(config, 'tpm:shared');
    let held: Awaited<ReturnType<typeof guard.reserve>>[] = [];

    const reserving = await redisRan(async () => {
      held = await Promise.all(
        Array.from({ length: 6 }, (_, n) => guard.reserve(budgets, nanos(2), owner(70 + n), rules())),
      );
    });
    const script = sent.find((args) => args.includes(budgetKey(budgets[0])))!;
    for (const key of [...budgets.map(budgetKey), rpm, tpm])
      expect(script.filter((arg) => arg.startsWith(key))).toHaveLength(1);
    for (const key of [...budgets.map(budgetKey), `${rpm}:`, `${tpm}:`])
      expect(writesTo(reserving, 'INCRBY', key)).toHaveLength(1);
    expect(writesTo(reserving, 'ZADD', `${config.redisKeyPrefix}:spend:held`)).toHaveLength(1);
    expect(await count('rpm:shared')).toBe(6);
    expect(await count('tpm:shared')).toBe(300);
    for (const b of budgets) expect(await redis.get(budgetKey(b))).toBe(String(nanos(12)));

    const settling = await redisRan(() =>
      Promise.all([
        ...held.map((r) => guard.settle(r, nanos(1))),
        ...held.map((_, n) =>
          buffer.append({ id: `usage-${70 + n}` } as UsageRecord, [{ key: 'tpm:shared', amount: -20 }]),
        ),
      ]),
    );
    for (const key of budgets.map(budgetKey)) expect(writesTo(settling, 'INCRBY', key)).toHaveLength(1);
    expect(writesTo(settling, 'INCRBY', `${tpm}:`)).toHaveLength(1);
    for (const b of budgets) expect(await redis.get(budgetKey(b))).toBe(String(nanos(6)));
    expect(await count('tpm:shared')).toBe(180);
  });

  it('writes what a batch adds to a counter as an exact integer, also in the millions of units', async () => {
    const guard = new RedisSpendGuard(redis as RedisClient, config);
    // 3 × 1,234,567.123456789 units: past 1e14 nanos, where Lua's default number format turns to exponents.
    const budgets = [budget('cap:large', '8000000')];
    const amount = 1_234_567_123_456_789;
    await Promise.all([0, 1, 2].map((n) => guard.reserve(budgets, amount, owner(80 + n))));

    expect(await redis.get(`${config.redisKeyPrefix}:budget:cap:large`)).toBe(String(3 * amount));
  });
});
