import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { AppConfig } from '../../../config/app-config';
import { Budget } from '../../../shared/contracts/metering';
import { dec } from '../../../shared/domain/money';
import { newId } from '../../../shared/domain/ids';
import { RedisClient, redisKey } from '../../../shared/redis/redis.module';
import { BatchArgs, BatchKeys, defineBatchScript, PerTurnBatch } from '../../../shared/redis/per-turn-batch';
import {
  BudgetExhaustedError,
  RateLimitExceededError,
  RateRule,
  Reservation,
  SpendGuard,
  StaleReservation,
} from '../domain/limits.port';
import { ADMIT_LUA, pushAdmission } from './redis-rate-limiter';
import { toNanos } from '../domain/pricing';

/**
 * Reserve: admit the request against its rate rules, if it has any (`admit`, see ADMIT_LUA: checked and
 * counted first, as RateLimiter.admit would, so a call that must pass both pays one round trip), then seed
 * each missing budget counter from Billing's `spent`, refuse if any budget would go over, else add the
 * amount to all of them and open the reservation — one script, so no other request can slip between the
 * check and the add. An open reservation is one member of a sorted set scored by its expiry, and the
 * member is the reservation itself (see `memberOf`): opening and closing it are one command each, and the
 * sweeper reads everything it needs from the set. One call reserves a batch (the requests of one event-loop
 * turn, see PerTurnBatch) one after the other, as separate calls in that order would: a request sees the
 * amounts of those before it. Each counter is read once per call and then kept (`held`, the script runs
 * alone): the requests of a batch mostly share their budgets.
 * Counters are integer nanos (1e-9 currency units); exact while a budget stays under ~9 million units.
 * As with the rate counters (COUNTERS_LUA), what the batch adds to a budget counter is written once, at the
 * end, and the batch's reservations join the open set in one ZADD.
 * KEYS: the open-reservations set, then the batch's rate and budget counters, each once (BatchKeys).
 * ARGV: per reservation r, a (position in KEYS, limit, cost) triple per rule, n, and when n > 0: amount,
 * (position in KEYS, limit, spent, ttl) per budget counter, expiresAt, member. Returns per reservation three
 * numbers: the rule that refused it and the ms until it would fit (0, 0 if admitted), and the number of the
 * budget it would take over (0 if reserved).
 * A refused request has nothing reserved; one refused by a budget stays counted by its rules.
 */
const RESERVE_BATCH = `${ADMIT_LUA}
local out = {}
local held = {}
local reserved = {}
local opened = {}
local a = 1
while a <= #ARGV do
  local r = tonumber(ARGV[a])
  local refused, wait = admit(a, r)
  a = a + 1 + 3 * r
  local n = tonumber(ARGV[a])
  local failed = 0
  if refused == 0 and n > 0 then
    local amount = tonumber(ARGV[a + 1])
    for i = 1, n do
      local key = KEYS[tonumber(ARGV[a + 4 * i - 2])]
      if not held[key] then
        local cur = redis.call('GET', key)
        if not cur then
          cur = ARGV[a + 4 * i]
          redis.call('SET', key, cur, 'EX', ARGV[a + 4 * i + 1])
        end
        held[key] = tonumber(cur)
      end
      if held[key] + amount > tonumber(ARGV[a + 4 * i - 1]) then
        failed = i
        break
      end
    end
    if failed == 0 then
      for i = 1, n do
        local key = KEYS[tonumber(ARGV[a + 4 * i - 2])]
        held[key] = held[key] + amount
        reserved[key] = (reserved[key] or 0) + amount
      end
      opened[#opened + 1] = ARGV[a + 4 * n + 2]
      opened[#opened + 1] = ARGV[a + 4 * n + 3]
    end
  end
  out[#out + 1] = refused
  out[#out + 1] = wait
  out[#out + 1] = failed
  if n > 0 then a = a + 4 * n + 4 else a = a + 1 end
end
for key, amount in pairs(reserved) do redis.call('INCRBY', key, string.format('%d', amount)) end
if #opened > 0 then redis.call('ZADD', KEYS[1], unpack(opened)) end
writeCounters()
return out
`;

/**
 * Close: only if the reservation is still open (so a retried settle, or a settle racing the sweeper,
 * counts once), move each counter by (owed - reserved). A counter that expired with its period is left
 * alone. `settled` sums what the calls of one usage record have settled, so the sweeper can tell how
 * much of the recorded cost is still owed (not kept for a record's sole call, see Reservation.soleCall).
 * One call closes a batch, one reservation after the other; what it moves on each counter is summed and
 * written once, at the end.
 * KEYS: the batch's sets (open or, for one opened before the set held whole reservations, legacy open),
 * settled totals and counters, each once (BatchKeys).
 * ARGV: per reservation m, the positions in KEYS of its set and of its settled total (0 when neither read nor
 * added to), its member, reserved nanos, actual nanos (settle) or recorded nanos (reconcile), mode
 * ('settle'|'reconcile'), 1 to add to the settled total (else 0), its ttl seconds, then the positions of its
 * m counters. Returns per reservation 1 if it closed it, 0 if it was closed already.
 */
const CLOSE_BATCH = `
local out = {}
local moved = {}
local a = 1
while a <= #ARGV do
  local m = tonumber(ARGV[a])
  local settled = KEYS[tonumber(ARGV[a + 2])]
  local closed = 0
  if redis.call('ZREM', KEYS[tonumber(ARGV[a + 1])], ARGV[a + 3]) == 1 then
    local owed = tonumber(ARGV[a + 5])
    if ARGV[a + 6] == 'reconcile' then
      owed = math.max(0, owed - tonumber(redis.call('GET', settled) or '0'))
    end
    local delta = owed - tonumber(ARGV[a + 4])
    if delta ~= 0 then
      for i = 1, m do
        local key = KEYS[tonumber(ARGV[a + 8 + i])]
        moved[key] = (moved[key] or 0) + delta
      end
    end
    if owed > 0 and ARGV[a + 7] == '1' then
      redis.call('INCRBY', settled, owed)
      redis.call('EXPIRE', settled, ARGV[a + 8])
    end
    closed = 1
  end
  out[#out + 1] = closed
  a = a + 9 + m
end
for key, delta in pairs(moved) do
  if delta ~= 0 and redis.call('EXISTS', key) == 1 then redis.call('INCRBY', key, string.format('%d', delta)) end
end
return out
`;

interface Reserving {
  rules: RateRule[];
  budgets: Budget[];
  reservation: Reservation;
  /** Where it is held (see placeOf). */
  held: Pick<Held, 'member' | 'counters'>;
}

/** What the reservation script answered for one reservation. */
interface Reserved {
  refusedBy: number;
  retryAfterMs: number;
  failedBudget: number;
}

/** An open reservation as the close script needs it: where it is, what it held and against which counters. */
interface Held {
  set: string;
  member: string;
  nanos: number;
  counters: string[];
}

interface Closing {
  held: Held;
  usageId: string;
  nanos: number;
  mode: 'settle' | 'reconcile';
  /** Adds to the usage record's settled total. */
  sum: boolean;
}

/** A stale reservation with what the sweeper hands back to `reconcile`. */
interface StaleHeld extends StaleReservation {
  held: Held;
}

/**
 * The member of the open set that is the reservation: its id (members are unique), usage record, tenant,
 * amount and counters, as JSON. Built the same way when it is opened and when it is settled.
 */
const memberOf = (r: Reservation, counters: string[]): string =>
  JSON.stringify([r.id, r.usageId, r.tenantId, r.nanos, counters]);

type SpendRedis = RedisClient & {
  tgSpendReserveBatch(...args: BatchArgs): Promise<number[]>;
  tgSpendCloseBatch(...args: BatchArgs): Promise<number[]>;
};

/** A record's settled total outlives its reservations' expiry by a day so the sweeper always finds it. */
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
  /**
   * Where reservations were kept before the open set held them whole: an id per member, the rest in a hash
   * per reservation. Only the sweeper still reads it, for those opened by an earlier release and never
   * settled; nothing is added to it any more.
   */
  private readonly legacyOpenKey: string;
  private readonly reservations: PerTurnBatch<Reserving, Reserved>;
  /**
   * Where each reservation this instance opened is held, for its settlement: the counters' keys and the
   * member's JSON are built once per reservation instead of twice. Weak: a settled or dropped reservation
   * takes its entry with it; one that is not here (a copy) is worked out again, to the same strings.
   */
  private readonly open = new WeakMap<Reservation, Pick<Held, 'member' | 'counters'>>();
  private readonly closings: PerTurnBatch<Closing, number>;

  constructor(
    redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    super();
    defineBatchScript(redis, 'tgSpendReserveBatch', RESERVE_BATCH);
    defineBatchScript(redis, 'tgSpendCloseBatch', CLOSE_BATCH);
    this.redis = redis as SpendRedis;
    this.openKey = redisKey(config, 'spend', 'held');
    this.legacyOpenKey = redisKey(config, 'spend', 'open');
    this.reservations = new PerTurnBatch((batch) => this.reserveBatch(batch), { connection: redis });
    this.closings = new PerTurnBatch((batch) => this.closeBatch(batch), { connection: redis });
  }

  private key(budget: Budget): string {
    return redisKey(this.config, 'budget', budget.key);
  }

  /** Where a reservation is held: its budgets' counters and its member of the open set. */
  private placeOf(reservation: Reservation): Pick<Held, 'member' | 'counters'> {
    const counters = reservation.budgets.map((b) => this.key(b));
    return { counters, member: memberOf(reservation, counters) };
  }

  private settledKey(usageId: string): string {
    return redisKey(this.config, 'spend', 'settled', usageId);
  }

  async reserve(
    budgets: Budget[],
    nanos: number,
    owner: { tenantId: string; usageId: string; expiresAt: number; soleCall?: boolean },
    admission: RateRule[] = [],
  ): Promise<Reservation> {
    const reservation: Reservation = { id: newId(), ...owner, budgets, nanos };
    // Nothing to admit or hold: the common case without budgets costs no Redis round trip.
    if (!budgets.length && !admission.length) return { ...reservation, nanos: 0 };
    const held = budgets.length ? this.placeOf(reservation) : { counters: [], member: '' };
    const { refusedBy, retryAfterMs, failedBudget } = await this.reservations.call({
      rules: admission,
      budgets,
      reservation,
      held,
    });
    if (refusedBy) throw new RateLimitExceededError(admission[refusedBy - 1], retryAfterMs);
    if (failedBudget) {
      const budget = budgets[failedBudget - 1];
      throw new BudgetExhaustedError(
        `This request could cost up to ${dec(nanos).div(1e9).toFixed()} ${budget.currency}, more than is left ` +
          `of the ${budget.limit} ${budget.currency} budget`,
        budget,
      );
    }
    if (!budgets.length) return { ...reservation, nanos: 0 };
    this.open.set(reservation, held);
    return reservation;
  }

  async firstRefusal(budget: Budget): Promise<boolean> {
    const key = redisKey(this.config, 'budget-refused', budget.key);
    return (await this.redis.set(key, '1', 'EX', Math.max(1, Math.ceil(budget.ttlSeconds)), 'NX')) === 'OK';
  }

  async settle(reservation: Reservation, actualNanos: number): Promise<void> {
    if (!reservation.budgets.length) return;
    const held = this.open.get(reservation) ?? this.placeOf(reservation);
    await this.closings.call({
      held: { set: this.openKey, nanos: reservation.nanos, ...held },
      usageId: reservation.usageId,
      nanos: actualNanos,
      mode: 'settle',
      sum: !reservation.soleCall,
    });
  }

  async stale(now: number, limit: number): Promise<StaleReservation[]> {
    const members = await this.redis.zrangebyscore(this.openKey, '-inf', now, 'LIMIT', 0, limit);
    const out: StaleHeld[] = members.map((member) => {
      const [id, usageId, tenantId, nanos, counters] = JSON.parse(member) as [
        string,
        string,
        string,
        number,
        string[],
      ];
      return { id, usageId, tenantId, held: { set: this.openKey, member, nanos, counters } };
    });
    if (out.length < limit) out.push(...(await this.staleLegacy(now, limit - out.length)));
    return out;
  }

  private async staleLegacy(now: number, limit: number): Promise<StaleHeld[]> {
    const set = this.legacyOpenKey;
    const ids = await this.redis.zrangebyscore(set, '-inf', now, 'LIMIT', 0, limit);
    const out: StaleHeld[] = [];
    for (const id of ids) {
      const hash = redisKey(this.config, 'spend', 'res', id);
      const [usageId, tenantId, nanos, counters] = await this.redis.hmget(
        hash,
        'usage',
        'tenant',
        'nanos',
        'counters',
      );
      // The record is gone (its grace passed): nothing left to move; drop the index entry.
      if (!usageId || !tenantId) await this.redis.zrem(set, id);
      else
        out.push({
          id,
          usageId,
          tenantId,
          held: { set, member: id, nanos: Number(nanos ?? 0), counters: counters ? counters.split(' ') : [] },
        });
    }
    return out;
  }

  async reconcile(reservation: StaleReservation, recordedNanos: number): Promise<void> {
    await this.closings.call({
      held: (reservation as StaleHeld).held,
      usageId: reservation.usageId,
      nanos: recordedNanos,
      mode: 'reconcile',
      sum: true,
    });
  }

  private async reserveBatch(batch: Reserving[]): Promise<Reserved[]> {
    const keys = new BatchKeys();
    keys.at(this.openKey);
    const args: Array<string | number> = [];
    for (const { rules, budgets, reservation, held } of batch) {
      pushAdmission(this.config, rules, keys, args);
      args.push(held.counters.length);
      if (!held.counters.length) continue;
      args.push(reservation.nanos);
      for (let i = 0; i < budgets.length; i++) {
        const [limit, spent] = nanosOf(budgets[i]);
        args.push(keys.at(held.counters[i]), limit, spent, Math.max(1, Math.ceil(budgets[i].ttlSeconds)));
      }
      args.push(reservation.expiresAt, held.member);
    }
    const out = await this.redis.tgSpendReserveBatch(keys.list.length, keys.list, args);
    return batch.map((_, i) => ({
      refusedBy: out[3 * i],
      retryAfterMs: out[3 * i + 1],
      failedBudget: out[3 * i + 2],
    }));
  }

  private closeBatch(batch: Closing[]): Promise<number[]> {
    const keys = new BatchKeys();
    const args: Array<string | number> = [];
    const ttl = RECORD_GRACE_SECONDS + Math.ceil(this.config.chat.reservationTtlMs / 1000);
    for (const { held, usageId, nanos, mode, sum } of batch) {
      const settled = sum || mode === 'reconcile' ? keys.at(this.settledKey(usageId)) : 0;
      args.push(held.counters.length, keys.at(held.set), settled, held.member, held.nanos, nanos, mode);
      args.push(sum ? 1 : 0, ttl);
      for (const counter of held.counters) args.push(keys.at(counter));
    }
    return this.redis.tgSpendCloseBatch(keys.list.length, keys.list, args);
  }
}
