import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { AppConfig } from '../../../config/app-config';
import { Budget } from '../../../shared/contracts/metering';
import { dec } from '../../../shared/domain/money';
import { newId } from '../../../shared/domain/ids';
import { RedisClient, redisKey } from '../../../shared/redis/redis.module';
import { BatchArgs, defineBatchScript, PerTurnBatch } from '../../../shared/redis/per-turn-batch';
import { BudgetExhaustedError, Reservation, SpendGuard, StaleReservation } from '../domain/limits.port';
import { toNanos } from '../domain/pricing';

/**
 * Reserve: seed each missing counter from Billing's `spent`, refuse if any budget would go over, else add
 * the amount to all of them and open the reservation (a hash, indexed by expiry in a sorted set) — one
 * script, so no other request can slip between the check and the add. One call reserves a batch (the
 * requests of one event-loop turn, see PerTurnBatch) one after the other, as separate calls in that order
 * would: a request sees the amounts of those before it. Each counter is read once per call and then kept
 * (`held`, the script runs alone): the requests of a batch mostly share their budgets.
 * Counters are integer nanos (1e-9 currency units); exact while a budget stays under ~9 million units.
 * KEYS: the open-reservations zset, then per reservation its n counters and its hash.
 * ARGV: per reservation n, amount, (limit, spent, ttl) per counter, id, expiresAt, usageId, tenantId, hash
 * ttl seconds. Returns per reservation 0, or the number of the budget it would take over (nothing done).
 */
const RESERVE_BATCH = `
local out = {}
local held = {}
local k = 1
local a = 1
while a <= #ARGV do
  local n = tonumber(ARGV[a])
  local amount = ARGV[a + 1]
  local failed = 0
  for i = 1, n do
    local key = KEYS[k + i]
    if not held[key] then
      local cur = redis.call('GET', key)
      if not cur then
        cur = ARGV[a + 3 * i]
        redis.call('SET', key, cur, 'EX', ARGV[a + 3 * i + 1])
      end
      held[key] = tonumber(cur)
    end
    if held[key] + tonumber(amount) > tonumber(ARGV[a + 3 * i - 1]) then
      failed = i
      break
    end
  end
  if failed == 0 then
    local counters = {}
    for i = 1, n do
      held[KEYS[k + i]] = redis.call('INCRBY', KEYS[k + i], amount)
      counters[i] = KEYS[k + i]
    end
    local r = a + 3 * n + 2
    local hash = KEYS[k + n + 1]
    redis.call('HSET', hash, 'nanos', amount, 'usage', ARGV[r + 2], 'tenant', ARGV[r + 3],
      'counters', table.concat(counters, ' '))
    redis.call('EXPIRE', hash, ARGV[r + 4])
    redis.call('ZADD', KEYS[1], ARGV[r + 1], ARGV[r])
  end
  out[#out + 1] = failed
  k = k + n + 1
  a = a + 3 * n + 7
end
return out
`;

/**
 * Close: only if the reservation is still open (so a retried settle, or a settle racing the sweeper,
 * counts once), move each counter by (owed - reserved). A counter that expired with its period is left
 * alone. `settled` sums what the calls of one usage record have settled, so the sweeper can tell how
 * much of the recorded cost is still owed (not kept for a record's sole call, see Reservation.soleCall).
 * One call closes a batch, one reservation after the other.
 * KEYS: the open-reservations zset, then per reservation its hash, its settled total and its m counters.
 * ARGV: per reservation m, id, actual nanos (settle) or recorded nanos (reconcile), mode
 * ('settle'|'reconcile'), 1 to add to the settled total (else 0), its ttl seconds. Returns per reservation 1
 * if it closed it, 0 if it was closed already.
 */
const CLOSE_BATCH = `
local out = {}
local k = 1
local a = 1
while a <= #ARGV do
  local m = tonumber(ARGV[a])
  local hash, settled = KEYS[k + 1], KEYS[k + 2]
  local closed = 0
  if redis.call('ZREM', KEYS[1], ARGV[a + 1]) == 1 then
    local reserved = tonumber(redis.call('HGET', hash, 'nanos') or '0')
    local owed = tonumber(ARGV[a + 2])
    if ARGV[a + 3] == 'reconcile' then
      owed = math.max(0, owed - tonumber(redis.call('GET', settled) or '0'))
    end
    local delta = owed - reserved
    for i = k + 3, k + 2 + m do
      if delta ~= 0 and redis.call('EXISTS', KEYS[i]) == 1 then redis.call('INCRBY', KEYS[i], delta) end
    end
    if owed > 0 and ARGV[a + 4] == '1' then
      redis.call('INCRBY', settled, owed)
      redis.call('EXPIRE', settled, ARGV[a + 5])
    end
    redis.call('DEL', hash)
    closed = 1
  end
  out[#out + 1] = closed
  k = k + 2 + m
  a = a + 6
end
return out
`;

interface Reserving {
  counters: string[];
  nanos: number;
  budgets: Budget[];
  reservation: Reservation;
}

interface Closing {
  id: string;
  usageId: string;
  counters: string[];
  nanos: number;
  mode: 'settle' | 'reconcile';
  /** Adds to the usage record's settled total. */
  sum: boolean;
}

type SpendRedis = RedisClient & {
  tgSpendReserveBatch(...args: BatchArgs): Promise<number[]>;
  tgSpendCloseBatch(...args: BatchArgs): Promise<number[]>;
};

/** Reservation records outlive their expiry by a day so the sweeper always finds what it must close. */
const RECORD_GRACE_SECONDS = 24 * 3600;

/**
 * A budget's limit (rounded down) and spent (rounded up) in nanos, kept per pair of decimal strings: a budget
 * comes back with the same two on every call until Billing's cache of it is refreshed, and parsing and
 * scaling both as decimals on every reservation showed in the chat path's CPU profile.
 */
const budgetNanos = new LRUCache<string, [limit: number, spent: number]>({ max: 10_000 });
function nanosOf(budget: Budget): [limit: number, spent: number] {
  const key = `${budget.limit} ${budget.spent}`;
  let nanos = budgetNanos.get(key);
  if (!nanos) {
    nanos = [dec(budget.limit).times(1e9).floor().toNumber(), toNanos(dec(budget.spent))];
    budgetNanos.set(key, nanos);
  }
  return nanos;
}

@Injectable()
export class RedisSpendGuard extends SpendGuard {
  private readonly redis: SpendRedis;
  private readonly openKey: string;
  private readonly reservations: PerTurnBatch<Reserving, number>;
  private readonly closings: PerTurnBatch<Closing, number>;

  constructor(
    redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    super();
    defineBatchScript(redis, 'tgSpendReserveBatch', RESERVE_BATCH);
    defineBatchScript(redis, 'tgSpendCloseBatch', CLOSE_BATCH);
    this.redis = redis as SpendRedis;
    this.openKey = redisKey(config, 'spend', 'open');
    this.reservations = new PerTurnBatch((batch) => this.reserveBatch(batch), { connection: redis });
    this.closings = new PerTurnBatch((batch) => this.closeBatch(batch), { connection: redis });
  }

  private key(budget: Budget): string {
    return redisKey(this.config, 'budget', budget.key);
  }

  private recordKey(id: string): string {
    return redisKey(this.config, 'spend', 'res', id);
  }

  private settledKey(usageId: string): string {
    return redisKey(this.config, 'spend', 'settled', usageId);
  }

  private recordTtl(expiresAt: number): number {
    return Math.max(1, Math.ceil((expiresAt - Date.now()) / 1000)) + RECORD_GRACE_SECONDS;
  }

  async reserve(
    budgets: Budget[],
    nanos: number,
    owner: { tenantId: string; usageId: string; expiresAt: number; soleCall?: boolean },
  ): Promise<Reservation> {
    const reservation: Reservation = { id: newId(), ...owner, budgets, nanos };
    // No budget, nothing to hold: the common case costs no Redis round trip.
    if (!budgets.length) return { ...reservation, nanos: 0 };
    const failed = await this.reservations.call({
      counters: budgets.map((b) => this.key(b)),
      nanos,
      budgets,
      reservation,
    });
    if (failed) {
      const budget = budgets[failed - 1];
      throw new BudgetExhaustedError(
        `This request could cost up to ${dec(nanos).div(1e9).toFixed()} ${budget.currency}, more than is left ` +
          `of the ${budget.limit} ${budget.currency} budget`,
        budget,
      );
    }
    return reservation;
  }

  async firstRefusal(budget: Budget): Promise<boolean> {
    const key = redisKey(this.config, 'budget-refused', budget.key);
    return (await this.redis.set(key, '1', 'EX', Math.max(1, Math.ceil(budget.ttlSeconds)), 'NX')) === 'OK';
  }

  async settle(reservation: Reservation, actualNanos: number): Promise<void> {
    if (!reservation.budgets.length) return;
    await this.closings.call({
      id: reservation.id,
      usageId: reservation.usageId,
      counters: reservation.budgets.map((b) => this.key(b)),
      nanos: actualNanos,
      mode: 'settle',
      sum: !reservation.soleCall,
    });
  }

  async stale(now: number, limit: number): Promise<StaleReservation[]> {
    const ids = await this.redis.zrangebyscore(this.openKey, '-inf', now, 'LIMIT', 0, limit);
    const out: StaleReservation[] = [];
    for (const id of ids) {
      const [usageId, tenantId] = await this.redis.hmget(this.recordKey(id), 'usage', 'tenant');
      // The record is gone (its grace passed): nothing left to move; drop the index entry.
      if (!usageId || !tenantId) await this.redis.zrem(this.openKey, id);
      else out.push({ id, usageId, tenantId });
    }
    return out;
  }

  async reconcile(reservation: StaleReservation, recordedNanos: number): Promise<void> {
    const counters = await this.redis.hget(this.recordKey(reservation.id), 'counters');
    await this.closings.call({
      id: reservation.id,
      usageId: reservation.usageId,
      counters: counters ? counters.split(' ') : [],
      nanos: recordedNanos,
      mode: 'reconcile',
      sum: true,
    });
  }

  private reserveBatch(batch: Reserving[]): Promise<number[]> {
    const keys = [this.openKey];
    const args: Array<string | number> = [];
    for (const { counters, nanos, budgets, reservation } of batch) {
      keys.push(...counters, this.recordKey(reservation.id));
      args.push(counters.length, nanos);
      for (const b of budgets) args.push(...nanosOf(b), Math.max(1, Math.ceil(b.ttlSeconds)));
      args.push(
        reservation.id,
        reservation.expiresAt,
        reservation.usageId,
        reservation.tenantId,
        this.recordTtl(reservation.expiresAt),
      );
    }
    return this.redis.tgSpendReserveBatch(keys.length, keys, args);
  }

  private closeBatch(batch: Closing[]): Promise<number[]> {
    const keys = [this.openKey];
    const args: Array<string | number> = [];
    const ttl = RECORD_GRACE_SECONDS + Math.ceil(this.config.chat.reservationTtlMs / 1000);
    for (const c of batch) {
      keys.push(this.recordKey(c.id), this.settledKey(c.usageId), ...c.counters);
      args.push(c.counters.length, c.id, c.nanos, c.mode, c.sum ? 1 : 0, ttl);
    }
    return this.redis.tgSpendCloseBatch(keys.length, keys, args);
  }
}
