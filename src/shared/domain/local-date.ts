/**
 * Calendar dates in a timezone: local midnights (DST gaps included), month arithmetic clamped to the
 * month's last day (Jan 31 + 1 month = Feb 28/29, + 2 months = Mar 31). Billing periods and analytics
 * buckets are both cut on these boundaries.
 */

export interface LocalDate {
  year: number;
  month: number; // 1-12
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a timezone. */
function wallClock(instant: Date, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** Offset (ms) of the timezone from UTC at an instant. */
function offsetAt(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The first instant of `date` in `timeZone`: local midnight, or the end of the DST gap on days whose
 * midnight does not exist (America/Santiago, America/Havana skip 00:00-01:00).
 */
export function localMidnight(date: LocalDate, timeZone: string): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day);
  let instant = guess - offsetAt(new Date(guess), timeZone);
  // A second pass settles offsets that change between the guess and the answer (DST).
  instant = guess - offsetAt(new Date(instant), timeZone);
  if (startsLocalDay(instant, date, timeZone)) return new Date(instant);
  // Midnight skipped or repeated: search the first second whose local date is `date` (offsets span -12h..+14h).
  let before = guess - 15 * 3_600_000;
  let onOrAfter = guess + 13 * 3_600_000;
  while (onOrAfter - before > 1000) {
    const mid = before + Math.floor((onOrAfter - before) / 2000) * 1000;
    if (compareLocalDates(localDateOf(new Date(mid), timeZone), date) < 0) before = mid;
    else onOrAfter = mid;
  }
  return new Date(onOrAfter);
}

function startsLocalDay(instant: number, date: LocalDate, timeZone: string): boolean {
  return (
    compareLocalDates(localDateOf(new Date(instant), timeZone), date) === 0 &&
    compareLocalDates(localDateOf(new Date(instant - 1000), timeZone), date) < 0
  );
}

export const compareLocalDates = (a: LocalDate, b: LocalDate): number =>
  a.year - b.year || a.month - b.month || a.day - b.day;

/** The local calendar date of an instant. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const w = wallClock(instant, timeZone);
  return { year: w.year, month: w.month, day: w.day };
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Calendar-correct: adds months and clamps to the last day of the target month. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export const formatLocalDate = (d: LocalDate) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

export function parseLocalDate(value: string): LocalDate {
  const [year, month, day] = value.split('-').map(Number);
  return { year, month, day };
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not), or null. */
export function parseDateOnly(value: string): LocalDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = parseLocalDate(value);
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month) ? d : null;
}

export interface Period {
  start: Date;
  end: Date;
}

/** Whole local days in [start, end) — the unit of proration. */
export function localDaysBetween(start: Date, end: Date, timeZone: string): number {
  const a = localDateOf(start, timeZone);
  const b = localDateOf(end, timeZone);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

/** The calendar month (local) containing an instant: the period of customers without a subscription. */
export function calendarMonthOf(instant: Date, timeZone: string): Period {
  const d = localDateOf(instant, timeZone);
  const first = { year: d.year, month: d.month, day: 1 };
  return { start: localMidnight(first, timeZone), end: localMidnight(addMonths(first, 1), timeZone) };
}

/** True when the zone's offset is whole hours at both instants (hourly buckets then fall inside one local day). */
export function wholeHourOffset(timeZone: string, ...instants: Date[]): boolean {
  return instants.every((i) => offsetAt(i, timeZone) % 3_600_000 === 0);
}
