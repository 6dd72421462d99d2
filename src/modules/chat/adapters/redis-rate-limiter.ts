import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { RedisClient, redisKey } from '../../../shared/redis/redis.module';
import { RateDecision, RateLimiter, RateRule } from '../domain/limits.port';
import type { CounterAdjustment } from '../domain/usage-record';

const WINDOW_MS = 60_000;

/**
 * Sliding-window counter (the current fixed window plus the previous one weighted by how much of it still
 * overlaps): exact enough for RPM/TPM, two keys per limit, and checked-then-added for all rules in one
 * Lua call so instances never race. Time comes from Redis (TIME) so instance clocks do not matter.
 */
const ADMIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local w = tonumber(ARGV[1])
local cur = math.floor(now / w)
local elapsed = (now % w) / w
for i, base in ipairs(KEYS) do
  local limit = tonumber(ARGV[2 * i])
  local cost = tonumber(ARGV[2 * i + 1])
  local c = tonumber(redis.call('GET', base .. ':' .. cur) or '0')
  local p = tonumber(redis.call('GET', base .. ':' .. (cur - 1)) or '0')
  if p * (1 - elapsed) + c + cost > limit then
    local room = limit - cost - c
    local wait
    if room >= 0 and p > 0 then
      wait = (1 - room / p - elapsed) * w
    elseif limit - cost < 0 then
      wait = w
    elseif c > 0 then
      wait = (1 - elapsed) * w + math.max(0, 1 - (limit - cost) / c) * w
    else
      wait = (1 - elapsed) * w
    end
    return { i, math.ceil(math.max(wait, 1)) }
  end
end
for i, base in ipairs(KEYS) do
  local cost = tonumber(ARGV[2 * i + 1])
  if cost > 0 then
    redis.call('INCRBY', base .. ':' .. cur, cost)
    redis.call('PEXPIRE', base .. ':' .. cur, 2 * w)
  end
end
return { 0, 0 }
`;

/**
 * Lua that adds amounts to counters in the current window: KEYS[firstKey..] get ARGV[firstAmount..] in
 * order. Shared with RedisUsageBuffer, which adds a call's TPM correction in the script that appends its
 * usage record.
 */
export const addToCountersLua = (firstKey: number, firstAmount: number) => `
local t = redis.call('TIME')
local cur = math.floor((tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)) / ${WINDOW_MS})
for i = ${firstKey}, #KEYS do
  local k = KEYS[i] .. ':' .. cur
  redis.call('INCRBY', k, tonumber(ARGV[i - ${firstKey} + ${firstAmount}]))
  redis.call('PEXPIRE', k, ${2 * WINDOW_MS})
end
`;

/** The Redis key of a RateRule's (or CounterAdjustment's) counter, without its window suffix. */
export const rateCounterKey = (config: Pick<AppConfig, 'redisKeyPrefix'>, key: string) =>
  redisKey(config, 'rl', key);

const ADD = `${addToCountersLua(1, 1)}return 0`;

type LimiterRedis = RedisClient & {
  tgRateAdmit(...args: (string | number)[]): Promise<[number, number]>;
  tgRateAdd(...args: (string | number)[]): Promise<number>;
};

@Injectable()
export class RedisRateLimiter extends RateLimiter {
  private readonly redis: LimiterRedis;

  constructor(
    redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    super();
    redis.defineCommand('tgRateAdmit', { lua: ADMIT });
    redis.defineCommand('tgRateAdd', { lua: ADD });
    this.redis = redis as LimiterRedis;
  }

  async admit(rules: RateRule[]): Promise<RateDecision> {
    const keys = rules.map((r) => rateCounterKey(this.config, r.key));
    const args = rules.flatMap((r) => [r.limit, r.cost]);
    const [index, retryAfterMs] = await this.redis.tgRateAdmit(keys.length, ...keys, WINDOW_MS, ...args);
    return index === 0 ? { allowed: true } : { allowed: false, rule: rules[index - 1], retryAfterMs };
  }

  async add(entries: CounterAdjustment[]): Promise<void> {
    const live = entries.filter((e) => e.amount !== 0);
    if (!live.length) return;
    const keys = live.map((e) => rateCounterKey(this.config, e.key));
    await this.redis.tgRateAdd(keys.length, ...keys, ...live.map((e) => Math.round(e.amount)));
  }
}
