import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { createRedisConnection, RedisClient } from '../../src/shared/redis/redis.module';
import { RedisRateLimiter, rateCounterKey } from '../../src/modules/chat/adapters/redis-rate-limiter';
import { RedisUsageBuffer, usageStreamKey } from '../../src/modules/chat/adapters/redis-usage-buffer';
import { RateRule } from '../../src/modules/chat/domain/limits.port';
import { UsageRecord } from '../../src/modules/chat/domain/usage-record';

const WINDOW_MS = 60_000;

/**
 * The chat path's Redis adapters as production builds them (auto-pipelining on): the calls of one
 * event-loop turn go out as one script command, and each gets the answer it would have got alone.
 */
describe('chat rate limits and usage buffer against Redis, batched per event-loop turn', () => {
  let config: AppConfig;
  let redis: Redis;
  let commands: string[];

  beforeAll(async () => {
    config = loadConfig(process.env, { REDIS_KEY_PREFIX: `tgtest_${randomBytes(4).toString('hex')}` });
    redis = createRedisConnection(config, { enableAutoPipelining: true, commandTimeout: 2000 });
    // Connected first: a command sent before is sent again from the offline queue, and counted twice.
    await redis.ping();
  });
  beforeEach(() => {
    commands = [];
    const send = redis.sendCommand.bind(redis);
    jest.spyOn(redis, 'sendCommand').mockImplementation((command, ...rest) => {
      commands.push(command.name);
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
});
