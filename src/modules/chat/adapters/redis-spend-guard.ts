import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { Budget } from '../../../shared/contracts/metering';
import { dec } from '../../../shared/domain/money';
import { newId } from '../../../shared/domain/ids';
import { RedisClient, redisKey } from '../../../shared/redis/redis.module';
import { BudgetExhaustedError, Reservation, SpendGuard, StaleReservation } from '../domain/limits.port';
import { toNanos } from '../domain/pricing';

/**
 * Reserve: seed each missing counter from Billing's `spent`, refuse if any budget would go over, else add
 * the amount to all of them and open the reservation (a hash, indexed by expiry in a sorted set) — one
 * script, so no other request can slip between the check and the add.
 * Counters are integer nanos (1e-9 currency units); exact while a budget stays under ~9 million units.
 * KEYS: counters..., reservation hash, open-reservations zset.
 * ARGV: amount, (limit, spent, ttl) per counter, id, expiresAt, usageId, tenantId, hash ttl seconds.
 */
const RESERVE = `
local n = #KEYS - 2
local amount = tonumber(ARGV[1])
for i = 1, n do
  local k = KEYS[i]
  local cur = redis.call('GET', k)
  if not cur then
    cur = ARGV[3 * i]
    redis.call('SET', k, cur, 'EX', tonumber(ARGV[3 * i + 1]))
  end
  if tonumber(cur) + amount > tonumber(ARGV[3 * i - 1]) then return i end
end
local counters = {}
for i = 1, n do
  redis.call('INCRBY', KEYS[i], amount)
  counters[i] = KEYS[i]
end
local b = 3 * n + 1
redis.call('HSET', KEYS[n + 1], 'nanos', amount, 'usage', ARGV[b + 3], 'tenant', ARGV[b + 4],
  'counters', table.concat(counters, ' '))
redis.call('EXPIRE', KEYS[n + 1], tonumber(ARGV[b + 5]))
redis.call('ZADD', KEYS[n + 2], tonumber(ARGV[b + 2]), ARGV[b + 1])
return 0
`;

/**
 * Close: only if the reservation is still open (so a retried settle, or a settle racing the sweeper,
 * counts once), move each counter by (owed - reserved). A counter that expired with its period is left
 * alone. `settled` sums what the calls of one usage record have settled, so the sweeper can tell how
 * much of the recorded cost is still owed.
 * KEYS: reservation hash, open-reservations zset, settled total, counters...
 * ARGV: id, actual nanos (settle) or recorded nanos (reconcile), mode ('settle'|'reconcile'), ttl seconds.
 */
const CLOSE = `
if redis.call('ZREM', KEYS[2], ARGV[1]) == 0 then return 0 end
local reserved = tonumber(redis.call('HGET', KEYS[1], 'nanos') or '0')
local owed = tonumber(ARGV[2])
if ARGV[3] == 'reconcile' then
  owed = math.max(0, owed - tonumber(redis.call('GET', KEYS[3]) or '0'))
end
local delta = owed - reserved
for i = 4, #KEYS do
  if delta ~= 0 and redis.call('EXISTS', KEYS[i]) == 1 then redis.call('INCRBY', KEYS[i], delta) end
end
if owed > 0 then
  redis.call('INCRBY', KEYS[3], owed)
  redis.call('EXPIRE', KEYS[3], tonumber(ARGV[4]))
end
redis.call('DEL', KEYS[1])
return 1
`;

type SpendRedis = RedisClient & {
  tgSpendReserve(...args: (string | number)[]): Promise<number>;
  tgSpendClose(...args: (string | number)[]): Promise<number>;
};

/** Reservation records outlive their expiry by a day so the sweeper always finds what it must close. */
const RECORD_GRACE_SECONDS = 24 * 3600;

@Injectable()
export class RedisSpendGuard extends SpendGuard {
  private readonly redis: SpendRedis;
  private readonly openKey: string;

  constructor(
    redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    super();
    redis.defineCommand('tgSpendReserve', { lua: RESERVE });
    redis.defineCommand('tgSpendClose', { lua: CLOSE });
    this.redis = redis as SpendRedis;
    this.openKey = redisKey(config, 'spend', 'open');
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
    owner: { tenantId: string; usageId: string; expiresAt: number },
  ): Promise<Reservation> {
    const reservation: Reservation = { id: newId(), ...owner, budgets, nanos };
    // No budget, nothing to hold: the common case costs no Redis round trip.
    if (!budgets.length) return { ...reservation, nanos: 0 };
    const keys = budgets.map((b) => this.key(b));
    const args = budgets.flatMap((b) => [
      dec(b.limit).times(1e9).floor().toNumber(),
      toNanos(dec(b.spent)),
      Math.max(1, Math.ceil(b.ttlSeconds)),
    ]);
    const failed = await this.redis.tgSpendReserve(
      keys.length + 2,
      ...keys,
      this.recordKey(reservation.id),
      this.openKey,
      nanos,
      ...args,
      reservation.id,
      owner.expiresAt,
      owner.usageId,
      owner.tenantId,
      this.recordTtl(owner.expiresAt),
    );
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
    await this.close(
      reservation.id,
      reservation.usageId,
      reservation.budgets.map((b) => this.key(b)),
      actualNanos,
      'settle',
    );
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
    await this.close(
      reservation.id,
      reservation.usageId,
      counters ? counters.split(' ') : [],
      recordedNanos,
      'reconcile',
    );
  }

  private async close(
    id: string,
    usageId: string,
    counters: string[],
    nanos: number,
    mode: 'settle' | 'reconcile',
  ): Promise<void> {
    await this.redis.tgSpendClose(
      3 + counters.length,
      this.recordKey(id),
      this.openKey,
      this.settledKey(usageId),
      ...counters,
      id,
      nanos,
      mode,
      RECORD_GRACE_SECONDS + Math.ceil(this.config.chat.reservationTtlMs / 1000),
    );
  }
}
