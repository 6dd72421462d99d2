import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { RedisClient, redisKey } from '../../../shared/redis/redis.module';
import { BatchArgs, BatchKeys, defineBatchScript, PerTurnBatch } from '../../../shared/redis/per-turn-batch';
import { RateDecision, RateLimiter, RateRule } from '../domain/limits.port';
import type { CounterAdjustment } from '../domain/usage-record';

const WINDOW_MS = 60_000;

/**
 * Lua shared by the scripts that move rate counters: `now` (ms, from Redis's TIME so instance clocks do not
 * matter), `cur` (the current window's number), `curSuffix` and `prevSuffix` (the current and previous
 * windows' key suffixes), `count(key)`, a counter's value, `bump(base, amount)`, which adds `amount` (an
 * integer string, as ARGV carries it) to the current window's counter of `base`, and `writeCounters()`, which
 * a script calls once at its end.
 * - Adds are summed per counter and written by `writeCounters`, one INCRBY per counter per script: a batch's
 *   requests mostly share their tenant's counters, and the script runs alone, so nobody sees the difference.
 * - A counter is given its expiry when the add creates it (the add then returns exactly what was added); one
 *   that already existed got it then, so most adds are one command instead of two.
 * - `count` reads each counter from Redis once per script and then keeps it, adds included.
 * - Numbers are turned into strings once per script, not per call: Lua formats a number with sprintf, and in
 *   a batch of a few hundred counter calls that formatting cost Redis more than the commands.
 */
export const COUNTERS_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cur = math.floor(now / ${WINDOW_MS})
local curSuffix, prevSuffix = ':' .. cur, ':' .. (cur - 1)
local known = {}
local added = {}
local function count(key)
  local v = known[key]
  if v == nil then
    v = tonumber(redis.call('GET', key) or '0') + (added[key] or 0)
    known[key] = v
  end
  return v
end
local function bump(base, amount)
  local key = base .. curSuffix
  local n = tonumber(amount)
  added[key] = (added[key] or 0) + n
  if known[key] ~= nil then known[key] = known[key] + n end
end
local function writeCounters()
  for key, n in pairs(added) do
    if n ~= 0 then
      local v = redis.call('INCRBY', key, string.format('%d', n))
      if v == n then redis.call('PEXPIRE', key, '${2 * WINDOW_MS}') end
    end
  end
end
`;

/**
 * Sliding-window counter (the current fixed window plus the previous one weighted by how much of it still
 * overlaps): exact enough for RPM/TPM, two keys per limit, and checked-then-added for all rules of a request
 * in one script so instances never race. `admit(a, n)` checks the n rules of one request, whose (counter
 * key's position in KEYS, limit, cost) triples follow ARGV[a]; if all fit it adds their costs and returns
 * 0, 0, else the number of the first rule it would break and the ms until it would fit (nothing added).
 * Shared by the admission script below and the spend reservation (RedisSpendGuard), which admits a request
 * and reserves its spend in one script.
 */
export const ADMIT_LUA = `${COUNTERS_LUA}
local w = ${WINDOW_MS}
local elapsed = (now % w) / w
local windows = {}
local function windowsOf(base)
  local ws = windows[base]
  if ws == nil then
    ws = { base .. curSuffix, base .. prevSuffix }
    windows[base] = ws
  end
  return ws
end
local function admit(a, n)
  for i = 1, n do
    local ws = windowsOf(KEYS[tonumber(ARGV[a + 3 * i - 2])])
    local limit = tonumber(ARGV[a + 3 * i - 1])
    local cost = tonumber(ARGV[a + 3 * i])
    local c = count(ws[1])
    local p = count(ws[2])
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
      return i, math.ceil(math.max(wait, 1))
    end
  end
  for i = 1, n do
    local cost = ARGV[a + 3 * i]
    if tonumber(cost) > 0 then bump(KEYS[tonumber(ARGV[a + 3 * i - 2])], cost) end
  end
  return 0, 0
end
`;

/**
 * One call admits a batch of requests (those of one event-loop turn, see PerTurnBatch) one after the
 * other, exactly as separate calls in that order would: a request sees the counts of those before it.
 * KEYS: the rules' counter keys, each once (BatchKeys). ARGV: per request, its number of rules n, then n
 * triples of the counter key's position in KEYS, limit and cost. Returns per request what `admit` returned.
 */
const ADMIT_BATCH = `${ADMIT_LUA}
local out = {}
local a = 1
while a <= #ARGV do
  local n = tonumber(ARGV[a])
  local refused, wait = admit(a, n)
  out[#out + 1] = refused
  out[#out + 1] = wait
  a = a + 1 + 3 * n
end
writeCounters()
return out
`;

/** The Redis key of a RateRule's (or CounterAdjustment's) counter, without its window suffix. */
export const rateCounterKey = (config: Pick<AppConfig, 'redisKeyPrefix'>, key: string) =>
  redisKey(config, 'rl', key);

/**
 * The keys and arguments `admit` (ADMIT_LUA) reads for one request's rules: n, then per rule its counter
 * key's position in KEYS, its limit and its cost.
 */
export function pushAdmission(
  config: Pick<AppConfig, 'redisKeyPrefix'>,
  rules: RateRule[],
  keys: BatchKeys,
  args: Array<string | number>,
): void {
  args.push(rules.length);
  for (const rule of rules) args.push(keys.at(rateCounterKey(config, rule.key)), rule.limit, rule.cost);
}

/** KEYS: counters; ARGV: the amount to add to each, in order. */
const ADD = `${COUNTERS_LUA}
for i = 1, #KEYS do bump(KEYS[i], ARGV[i]) end
writeCounters()
return 0
`;

type LimiterRedis = RedisClient & {
  tgRateAdmitBatch(...args: BatchArgs): Promise<number[]>;
  tgRateAdd(...args: (string | number)[]): Promise<number>;
};

const ALLOWED: RateDecision = { allowed: true };

@Injectable()
export class RedisRateLimiter extends RateLimiter {
  private readonly redis: LimiterRedis;
  private readonly admissions: PerTurnBatch<RateRule[], RateDecision>;

  constructor(
    redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    super();
    defineBatchScript(redis, 'tgRateAdmitBatch', ADMIT_BATCH);
    redis.defineCommand('tgRateAdd', { lua: ADD });
    this.redis = redis as LimiterRedis;
    this.admissions = new PerTurnBatch((batch) => this.admitBatch(batch), { connection: redis });
  }

  /** Admitted or not together with the other requests of this event-loop turn, in one script call. */
  admit(rules: RateRule[]): Promise<RateDecision> {
    return this.admissions.call(rules);
  }

  private async admitBatch(batch: RateRule[][]): Promise<RateDecision[]> {
    const keys = new BatchKeys();
    const args: number[] = [];
    for (const rules of batch) pushAdmission(this.config, rules, keys, args);
    const out = await this.redis.tgRateAdmitBatch(keys.list.length, keys.list, args);
    return batch.map((rules, i) =>
      out[2 * i] === 0
        ? ALLOWED
        : { allowed: false, rule: rules[out[2 * i] - 1], retryAfterMs: out[2 * i + 1] },
    );
  }

  async add(entries: CounterAdjustment[]): Promise<void> {
    const live = entries.filter((e) => e.amount !== 0);
    if (!live.length) return;
    const keys = live.map((e) => rateCounterKey(this.config, e.key));
    await this.redis.tgRateAdd(keys.length, ...keys, ...live.map((e) => Math.round(e.amount)));
  }
}
