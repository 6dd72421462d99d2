import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
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
import { ADMIT_LUA, pushAdmission, rateCounterKey } from './redis-rate-limiter';
import { AdmissionLeases, BudgetLease, Draw } from './admission-leases';
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
 * Leases (see AdmissionLeases): first, rate units given back go to the window they were counted in; last,
 * after every request of the batch, a reservation that asked for leases and was admitted and reserved is
 * granted, per rule, up to the units it asks for, at most a sixteenth of the room left (none under a
 * thirty-second of the ask), and a budget lease of the nanos it asks for if every counter has room for sixteen
 * times it; each counter (and budget set) is leased once per batch.
 * KEYS: the open-reservations set, then the batch's rate and budget counters, each once (BatchKeys).
 * ARGV: the number of rate returns, and per return (position in KEYS, window, units); then per reservation
 * r, a (position in KEYS, limit, cost) triple per rule, n, and when n > 0: amount, (position in KEYS, limit,
 * spent, ttl) per budget counter, expiresAt, member; then 1 if it asks for leases (else 0), and if so the
 * units asked per rule and the budget lease's nanos (0 for none), with its expiresAt and member when not 0.
 * Returns per reservation three numbers: the rule that refused it and the ms until it would fit (0, 0 if
 * admitted), and the number of the budget it would take over (0 if reserved); when it asked for leases, also
 * the units granted per rule, 1 if the budget lease was opened (else 0), the window (Redis's number for the
 * current minute) and the ms left in it.
 * A refused request has nothing reserved and no lease; one refused by a budget stays counted by its rules.
 */
const RESERVE_BATCH = `${ADMIT_LUA}
local out = {}
local held = {}
local reserved = {}
local opened = {}
local asks = {}
local leased = {}
local a = 2
for j = 1, tonumber(ARGV[1]) do
  local key = KEYS[tonumber(ARGV[a])] .. ':' .. ARGV[a + 1]
  if redis.call('EXISTS', key) == 1 then redis.call('DECRBY', key, ARGV[a + 2]) end
  a = a + 3
end
while a <= #ARGV do
  local r = tonumber(ARGV[a])
  local ra = a
  local refused, wait = admit(a, r)
  a = a + 1 + 3 * r
  local n = tonumber(ARGV[a])
  local b = a
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
  local leasing = ARGV[a] == '1'
  a = a + 1
  if leasing then
    if refused == 0 and failed == 0 then asks[#asks + 1] = { ra, r, a, b, n, #out + 1 } end
    for i = 1, r + 1 do out[#out + 1] = 0 end
    out[#out + 1] = cur
    out[#out + 1] = w - now % w
    a = a + r
    if ARGV[a] == '0' then a = a + 1 else a = a + 3 end
  end
end
-- Leases last, from the room the batch's requests left: a lease never crowds out a request of its batch.
for _, q in ipairs(asks) do
  local ra, r, la, b, n, slot = q[1], q[2], q[3], q[4], q[5], q[6]
  for i = 1, r do
    local base = KEYS[tonumber(ARGV[ra + 3 * i - 2])]
    local want = tonumber(ARGV[la + i - 1])
    if want > 0 and not leased[base] then
      local ws = windowsOf(base)
      local room = tonumber(ARGV[ra + 3 * i - 1]) - count(ws[2]) * (1 - elapsed) - count(ws[1])
      local g = math.min(want, math.floor(room / 16))
      if g * 32 >= want then
        bump(base, g)
        leased[base] = true
        out[slot + i - 1] = g
      end
    end
  end
  local x = tonumber(ARGV[la + r])
  if x > 0 and n > 0 then
    local set = 'budgets'
    for i = 1, n do set = set .. ':' .. ARGV[b + 4 * i - 2] end
    local fits = not leased[set]
    for i = 1, n do
      local key = KEYS[tonumber(ARGV[b + 4 * i - 2])]
      if fits and held[key] + 16 * x > tonumber(ARGV[b + 4 * i - 1]) then fits = false end
    end
    if fits then
      leased[set] = true
      for i = 1, n do
        local key = KEYS[tonumber(ARGV[b + 4 * i - 2])]
        held[key] = held[key] + x
        reserved[key] = (reserved[key] or 0) + x
      end
      opened[#opened + 1] = ARGV[la + r + 1]
      opened[#opened + 1] = ARGV[la + r + 2]
      out[slot + r] = 1
    end
  end
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
 * ('settle'|'reconcile'|'trim'), 1 to add to the settled total (else 0), its ttl seconds, then the positions
 * of its m counters, and for 'trim' the expiry and member of the reservation that replaces it, holding the
 * actual nanos (a budget lease that stopped lending gives back what it did not lend, see AdmissionLeases).
 * Returns per reservation 1 if it closed it, 0 if it was closed already.
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
    if ARGV[a + 6] == 'trim' then
      redis.call('ZADD', KEYS[tonumber(ARGV[a + 1])], ARGV[a + 9 + m], ARGV[a + 10 + m])
    elseif owed > 0 and ARGV[a + 7] == '1' then
      redis.call('INCRBY', settled, owed)
      redis.call('EXPIRE', settled, ARGV[a + 8])
    end
    closed = 1
  end
  out[#out + 1] = closed
  if ARGV[a + 6] == 'trim' then a = a + 11 + m else a = a + 9 + m end
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
  /** The leases it asks for, if any (see AdmissionLeases). */
  ask?: LeaseAsk;
}

interface LeaseAsk {
  /** Per rule, the units asked for. */
  units: number[];
  /** The budget lease to open: a reservation of its own. */
  budget?: { reservation: Reservation; held: Pick<Held, 'member' | 'counters'> };
}

/** What the reservation script answered for one reservation. */
interface Reserved {
  refusedBy: number;
  retryAfterMs: number;
  failedBudget: number;
  granted?: { units: number[]; budget: boolean; window: number; msLeft: number };
}

/** A lease asks for this many requests' worth (Redis may grant less of a rate counter, see RESERVE_BATCH). */
const LEASE_REQUESTS = 256;
/** A rate lease stops lending this long before its window ends (the window is Redis's; the clock is ours). */
const WINDOW_MARGIN_MS = 50;

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
  mode: 'settle' | 'reconcile' | 'trim';
  /** Adds to the usage record's settled total. */
  sum: boolean;
  /** For 'trim': the reservation that replaces the one closed, holding `nanos`. */
  reopen?: { member: string; expiresAt: number };
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
export class RedisSpendGuard extends SpendGuard implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisSpendGuard.name);
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
  /** Off when CHAT_ADMISSION_LEASE_MS is 0: every request then goes to Redis. */
  private readonly leases?: AdmissionLeases;
  /** The requests drawn from a lease, for their settlement. */
  private readonly draws = new WeakMap<Reservation, Draw>();
  /** Budget leases whose settlement failed, retried by the lease timer until they expire. */
  private readonly unsettled = new Set<BudgetLease>();
  /** Budget lease settlements on their way, awaited at shutdown. */
  private readonly settling = new Set<Promise<void>>();
  private leaseTimer?: NodeJS.Timeout;

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
    if (config.chat.admissionLeaseMs > 0) {
      this.leases = new AdmissionLeases({
        settle: (lease) => this.settleLease(lease),
        trim: (lease) => this.trimLease(lease),
      });
    }
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
    const counters = budgets.map((b) => this.key(b));
    // Leases serve the calls that are the whole of their usage record (the OpenAI-compatible route).
    const leases = owner.soleCall ? this.leases : undefined;
    let ask: LeaseAsk | undefined;
    const budgetSet = counters.join(' ');
    if (leases) {
      const draw = leases.draw(admission, budgetSet, nanos, Date.now());
      if (draw) {
        if (!draw.lease) return { ...reservation, nanos: 0 };
        reservation.leaseId = draw.lease.reservation.usageId;
        this.draws.set(reservation, draw);
        return reservation;
      }
      leases.retire(admission, budgetSet);
      ask = this.askFor(reservation, counters, admission);
    }
    const held = budgets.length
      ? { counters, member: memberOf(reservation, counters) }
      : { counters, member: '' };
    const { refusedBy, retryAfterMs, failedBudget, granted } = await this.reservations.call({
      rules: admission,
      budgets,
      reservation,
      held,
      ask,
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
    if (leases && ask && granted) this.install(leases, admission, budgetSet, ask, granted);
    if (!budgets.length) return { ...reservation, nanos: 0 };
    this.open.set(reservation, held);
    return reservation;
  }

  /**
   * The leases a request that went to Redis asks for: LEASE_REQUESTS of its cost per rule, and a budget lease
   * of LEASE_REQUESTS of its worst case, less where Billing's figures leave under 32 times that (none under 8
   * worst cases: near a cap every request is reserved on its own).
   */
  private askFor(reservation: Reservation, counters: string[], rules: RateRule[]): LeaseAsk {
    const units = rules.map((rule) => Math.max(1, rule.cost) * LEASE_REQUESTS);
    const { budgets, nanos } = reservation;
    if (!budgets.length || nanos <= 0) return { units };
    let lease = nanos * LEASE_REQUESTS;
    for (const budget of budgets) {
      const [limit, spent] = nanosOf(budget);
      lease = Math.min(lease, Math.floor((limit - spent) / 32));
    }
    if (lease < 8 * nanos) return { units };
    const leaseReservation: Reservation = {
      id: newId(),
      tenantId: reservation.tenantId,
      usageId: newId(),
      budgets,
      nanos: lease,
      expiresAt: reservation.expiresAt,
      soleCall: true,
    };
    return {
      units,
      budget: {
        reservation: leaseReservation,
        held: { counters, member: memberOf(leaseReservation, counters) },
      },
    };
  }

  private install(
    leases: AdmissionLeases,
    rules: RateRule[],
    budgetSet: string,
    ask: LeaseAsk,
    granted: NonNullable<Reserved['granted']>,
  ): void {
    const now = Date.now();
    const leaseMs = this.config.chat.admissionLeaseMs;
    const rateStop = now + Math.min(leaseMs, granted.msLeft - WINDOW_MARGIN_MS);
    rules.forEach((rule, i) => {
      const units = granted.units[i];
      if (units > 0)
        leases.grantRate({ key: rule.key, window: granted.window, remaining: units, stopAt: rateStop });
    });
    if (granted.budget && ask.budget) {
      const { reservation, held } = ask.budget;
      leases.grantBudget(budgetSet, {
        reservation,
        held,
        remaining: reservation.nanos,
        used: 0,
        inflight: 0,
        stopAt: now + leaseMs,
        retired: false,
      });
    }
    this.startLeaseTimer();
  }

  private startLeaseTimer(): void {
    this.leaseTimer ??= setInterval(() => this.tickLeases(), this.config.chat.admissionLeaseMs).unref();
  }

  /**
   * Every lease period while leases are out: retires the leases that stopped, gives their rate units back,
   * and retries budget lease settlements that failed (until they expire; the sweeper has them after that).
   */
  private tickLeases(): void {
    const leases = this.leases!;
    const now = Date.now();
    leases.sweep(now);
    void this.giveBack();
    for (const lease of this.unsettled) {
      this.unsettled.delete(lease);
      if (lease.reservation.expiresAt > now) void this.settleLease(lease);
    }
    if (!leases.busy && !this.unsettled.size) {
      clearInterval(this.leaseTimer);
      this.leaseTimer = undefined;
    }
  }

  /** The rate units waiting to go back, taken, as RESERVE_BATCH's first arguments (their count first). */
  private returnArgs(keys: BatchKeys): Array<string | number> {
    const returns = this.leases?.takeReturns() ?? [];
    const args: Array<string | number> = [returns.length];
    for (const r of returns) args.push(keys.at(rateCounterKey(this.config, r.key)), r.window, r.units);
    return args;
  }

  /** Sends the rate units waiting to go back, on their own (a reservation batch takes them otherwise). */
  private async giveBack(): Promise<void> {
    const keys = new BatchKeys();
    keys.at(this.openKey);
    const args = this.returnArgs(keys);
    if (args[0] === 0) return;
    // Not sent again on failure: the units may have gone back already, and kept they only make a limit
    // stricter until their window ends.
    await this.redis
      .tgSpendReserveBatch(keys.list.length, keys.list, args)
      .catch((err: unknown) => this.logger.warn({ err }, 'leased rate units not given back'));
  }

  /** Settles a budget lease to what its requests cost; a failure is retried by the lease timer. */
  private settleLease(lease: BudgetLease): Promise<void> {
    const { reservation, held, used } = lease;
    const closing = this.closings.call({
      held: { set: this.openKey, nanos: reservation.nanos, ...held },
      usageId: reservation.usageId,
      nanos: used,
      mode: 'settle',
      sum: false,
    });
    return this.track(closing, (err) => {
      this.logger.warn({ err, reservationId: reservation.id }, 'budget lease settlement failed; retrying');
      this.unsettled.add(lease);
      this.startLeaseTimer();
    });
  }

  /**
   * A budget lease that stopped lending while calls drawn from it are still running gives back what it did not
   * lend at once: its reservation is replaced by one holding only what its calls hold or have spent. If the
   * replacement does not land, the lease's settlement finds nothing to close and the sweeper reconciles the
   * reservation it left against the usage records (until then the cap holds more, never less).
   */
  private trimLease(lease: BudgetLease): void {
    const before = { ...lease.held, set: this.openKey, nanos: lease.reservation.nanos };
    lease.reservation = { ...lease.reservation, nanos: lease.reservation.nanos - lease.remaining };
    lease.held = { counters: before.counters, member: memberOf(lease.reservation, before.counters) };
    lease.remaining = 0;
    const { reservation, held } = lease;
    const closing = this.closings.call({
      held: before,
      usageId: reservation.usageId,
      nanos: reservation.nanos,
      mode: 'trim',
      sum: false,
      reopen: { member: held.member, expiresAt: reservation.expiresAt },
    });
    void this.track(closing, (err) =>
      this.logger.warn({ err, reservationId: reservation.id }, 'budget lease not trimmed'),
    );
  }

  /** A lease's closing, kept in `settling` (awaited at shutdown) until it ends; never rejects. */
  private track(closing: Promise<unknown>, onError: (err: unknown) => void): Promise<void> {
    const tracked: Promise<void> = closing
      .then(() => undefined, onError)
      .finally(() => this.settling.delete(tracked));
    this.settling.add(tracked);
    return tracked;
  }

  onApplicationShutdown(): Promise<void> {
    return this.retireLeases();
  }

  /**
   * Stops every lease and gives back what this instance holds in them (so other instances see the room at
   * once), waiting a second at most; a budget lease with calls in flight is settled when the last one ends.
   */
  async retireLeases(): Promise<void> {
    if (!this.leases) return;
    clearInterval(this.leaseTimer);
    this.leaseTimer = undefined;
    this.leases.sweep();
    const deadline = new Promise((resolve) => setTimeout(resolve, 1000).unref());
    await Promise.race([Promise.all([this.giveBack(), ...this.settling]), deadline]);
  }

  async firstRefusal(budget: Budget): Promise<boolean> {
    const key = redisKey(this.config, 'budget-refused', budget.key);
    return (await this.redis.set(key, '1', 'EX', Math.max(1, Math.ceil(budget.ttlSeconds)), 'NX')) === 'OK';
  }

  async settle(reservation: Reservation, actualNanos: number): Promise<void> {
    if (!reservation.budgets.length) return;
    const draw = this.draws.get(reservation);
    if (draw) {
      this.draws.delete(reservation);
      return this.leases!.end(draw, actualNanos);
    }
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
    const args = this.returnArgs(keys);
    for (const { rules, budgets, reservation, held, ask } of batch) {
      pushAdmission(this.config, rules, keys, args);
      args.push(held.counters.length);
      if (held.counters.length) {
        args.push(reservation.nanos);
        for (let i = 0; i < budgets.length; i++) {
          const [limit, spent] = nanosOf(budgets[i]);
          args.push(keys.at(held.counters[i]), limit, spent, Math.max(1, Math.ceil(budgets[i].ttlSeconds)));
        }
        args.push(reservation.expiresAt, held.member);
      }
      if (!ask) {
        args.push(0);
        continue;
      }
      args.push(1, ...ask.units);
      const lease = ask.budget;
      if (lease) args.push(lease.reservation.nanos, lease.reservation.expiresAt, lease.held.member);
      else args.push(0);
    }
    const out = await this.redis.tgSpendReserveBatch(keys.list.length, keys.list, args);
    let at = 0;
    return batch.map(({ rules, ask }) => {
      const reserved: Reserved = { refusedBy: out[at], retryAfterMs: out[at + 1], failedBudget: out[at + 2] };
      at += 3;
      if (ask) {
        const units = out.slice(at, at + rules.length);
        at += rules.length;
        reserved.granted = { units, budget: out[at] === 1, window: out[at + 1], msLeft: out[at + 2] };
        at += 3;
      }
      return reserved;
    });
  }

  private closeBatch(batch: Closing[]): Promise<number[]> {
    const keys = new BatchKeys();
    const args: Array<string | number> = [];
    const ttl = RECORD_GRACE_SECONDS + Math.ceil(this.config.chat.reservationTtlMs / 1000);
    for (const { held, usageId, nanos, mode, sum, reopen } of batch) {
      const settled = sum || mode === 'reconcile' ? keys.at(this.settledKey(usageId)) : 0;
      args.push(held.counters.length, keys.at(held.set), settled, held.member, held.nanos, nanos, mode);
      args.push(sum ? 1 : 0, ttl);
      for (const counter of held.counters) args.push(keys.at(counter));
      if (mode === 'trim') args.push(reopen!.expiresAt, reopen!.member);
    }
    return this.redis.tgSpendCloseBatch(keys.list.length, keys.list, args);
  }
}
