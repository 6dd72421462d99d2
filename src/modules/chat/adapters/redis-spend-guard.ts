import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { Budget } from '../../../shared/contracts/metering';
import { PaymentRequiredError } from '../../../shared/domain/domain-error';
import { dec } from '../../../shared/domain/money';
import { RedisClient, redisKey } from '../../../shared/redis/redis.module';
import { Reservation, SpendGuard } from '../domain/limits.port';
import { toNanos } from '../domain/pricing';

/**
 * Reserve: seed each missing counter from Billing's `spent`, refuse if any budget would go over, else add
 * the amount to all of them — one script, so no other request can slip between the check and the add.
 * Counters are integer nanos (1e-9 currency units); exact while a budget stays under ~9 million units.
 */
const RESERVE = `
local amount = tonumber(ARGV[1])
for i, k in ipairs(KEYS) do
  local cur = redis.call('GET', k)
  if not cur then
    cur = ARGV[3 * i]
    redis.call('SET', k, cur, 'EX', tonumber(ARGV[3 * i + 1]))
  end
  if tonumber(cur) + amount > tonumber(ARGV[3 * i - 1]) then return i end
end
for i, k in ipairs(KEYS) do redis.call('INCRBY', k, amount) end
return 0
`;

/** Settle: move each counter by (actual - reserved); a counter that expired with its period is left alone. */
const SETTLE = `
for i, k in ipairs(KEYS) do
  if redis.call('EXISTS', k) == 1 then redis.call('INCRBY', k, tonumber(ARGV[1])) end
end
return 0
`;

type SpendRedis = RedisClient & {
  tgSpendReserve(...args: (string | number)[]): Promise<number>;
  tgSpendSettle(...args: (string | number)[]): Promise<number>;
};

@Injectable()
export class RedisSpendGuard extends SpendGuard {
  private readonly redis: SpendRedis;

  constructor(
    redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    super();
    redis.defineCommand('tgSpendReserve', { lua: RESERVE });
    redis.defineCommand('tgSpendSettle', { lua: SETTLE });
    this.redis = redis as SpendRedis;
  }

  private key(budget: Budget): string {
    return redisKey(this.config, 'budget', budget.key);
  }

  async reserve(budgets: Budget[], nanos: number): Promise<Reservation> {
    if (!budgets.length) return { budgets, nanos: 0 };
    const keys = budgets.map((b) => this.key(b));
    const args = budgets.flatMap((b) => [
      dec(b.limit).times(1e9).floor().toNumber(),
      toNanos(dec(b.spent)),
      Math.max(1, Math.ceil(b.ttlSeconds)),
    ]);
    const failed = await this.redis.tgSpendReserve(keys.length, ...keys, nanos, ...args);
    if (failed) {
      const budget = budgets[failed - 1];
      throw new PaymentRequiredError(
        `This request could cost up to ${dec(nanos).div(1e9).toFixed()} ${budget.currency}, more than is left ` +
          `of the ${budget.limit} ${budget.currency} budget`,
        budget.reason,
      );
    }
    return { budgets, nanos };
  }

  async settle(reservation: Reservation, actualNanos: number): Promise<void> {
    const delta = actualNanos - reservation.nanos;
    if (!reservation.budgets.length || delta === 0) return;
    const keys = reservation.budgets.map((b) => this.key(b));
    await this.redis.tgSpendSettle(keys.length, ...keys, delta);
  }
}
