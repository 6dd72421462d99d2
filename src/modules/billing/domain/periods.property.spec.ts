import fc from 'fast-check';
import { periodAt } from './periods';
import { addDays, compareLocalDates, LocalDate, localDateOf } from '../../../shared/domain/local-date';
import { startSubscription } from './subscription';

/**
 * A date-only start is that calendar date in the customer's timezone, wherever the zone is: west and east
 * of UTC, half- and quarter-hour offsets, DST that moves at midnight (the day then starts at 01:00).
 */
const ZONES = [
  'UTC',
  'America/Los_Angeles',
  'America/New_York',
  'America/St_Johns', // -03:30 / -02:30
  'America/Santiago', // DST starts at local midnight: 00:00 does not exist that day
  'America/Havana', // same, in March
  'Pacific/Honolulu',
  'Pacific/Pago_Pago', // -11
  'Europe/Paris',
  'Asia/Tehran', // +03:30
  'Asia/Kolkata', // +05:30
  'Asia/Kathmandu', // +05:45
  'Australia/Adelaide', // +09:30 / +10:30
  'Australia/Lord_Howe', // half-hour DST shift
  'Pacific/Auckland',
  'Pacific/Chatham', // +12:45 / +13:45
  'Pacific/Kiritimati', // +14
];

/** Days around which the zones above change offset (2026-2027), where off-by-one-day errors live. */
const CHANGEOVER_DAYS: LocalDate[] = [
  { year: 2026, month: 3, day: 8 }, // US spring forward
  { year: 2026, month: 11, day: 1 }, // US fall back
  { year: 2026, month: 3, day: 29 }, // EU spring forward
  { year: 2026, month: 10, day: 25 }, // EU fall back
  { year: 2026, month: 4, day: 5 }, // AU/NZ/Chile fall back
  { year: 2026, month: 9, day: 6 }, // Chile spring forward (at midnight)
  { year: 2026, month: 9, day: 27 }, // NZ spring forward
  { year: 2026, month: 10, day: 4 }, // AU spring forward
  { year: 2026, month: 3, day: 8 }, // Cuba spring forward (at midnight)
  { year: 2027, month: 3, day: 14 },
];

const anyDate = fc.oneof(
  fc.constantFrom(...CHANGEOVER_DAYS).chain((d) => fc.integer({ min: -2, max: 2 }).map((n) => addDays(d, n))),
  fc
    .record({
      year: fc.integer({ min: 2000, max: 2040 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .filter((d) => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDate() === d.day),
);

/** The instant is the first second of `date` there: its local date is `date`, a second earlier it is not. */
const startsDay = (instant: Date, date: LocalDate, zone: string) =>
  compareLocalDates(localDateOf(instant, zone), date) === 0 &&
  compareLocalDates(localDateOf(new Date(instant.getTime() - 1000), zone), date) < 0;

describe('periods (properties over timezones)', () => {
  it('a date-only start begins at the first instant of that local date, trial or not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        anyDate,
        fc.constantFrom(0, 14),
        fc.constantFrom('month', 'quarter', 'year') as fc.Arbitrary<'month' | 'quarter' | 'year'>,
        (zone, date, trialDays, interval) => {
          const s = startSubscription({ startDate: date, timezone: zone, interval, trialDays });
          expect(startsDay(s.currentPeriodStart, date, zone)).toBe(true);
          expect(s.startedAt.getTime()).toBe(s.currentPeriodStart.getTime());
          expect(s.currentPeriodEnd.getTime()).toBeGreaterThan(s.currentPeriodStart.getTime());
        },
      ),
      { numRuns: 400 },
    );
  });

  it('consecutive periods tile: each starts where the last ended, at a local day start, none empty', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        anyDate,
        fc.constantFrom('month', 'quarter') as fc.Arbitrary<'month' | 'quarter'>,
        (zone, anchor, interval) => {
          const periods = Array.from({ length: 14 }, (_, n) => periodAt(anchor, interval, n, zone));
          expect(startsDay(periods[0].start, anchor, zone)).toBe(true);
          periods.forEach((p, n) => {
            expect(p.end.getTime()).toBeGreaterThan(p.start.getTime());
            if (n > 0) expect(p.start.getTime()).toBe(periods[n - 1].end.getTime());
            const local = localDateOf(p.start, zone);
            expect(startsDay(p.start, local, zone)).toBe(true);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
