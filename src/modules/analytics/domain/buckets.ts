import { addDays, addMonths, localDateOf, localMidnight } from '../../../shared/domain/local-date';
import { Interval } from './usage-analytics';

/**
 * Start instants of every bucket overlapping [from, to) in `timeZone`, so a series has a point for each
 * bucket even where nothing was used. Days and months follow the zone's calendar (23- and 25-hour days).
 */
export function bucketStarts(from: Date, to: Date, interval: Interval, timeZone: string): Date[] {
  const out: Date[] = [];
  if (interval === 'hour') {
    for (let t = Math.floor(from.getTime() / 3_600_000) * 3_600_000; t < to.getTime(); t += 3_600_000)
      out.push(new Date(t));
    return out;
  }
  let date = localDateOf(from, timeZone);
  if (interval === 'month') date = { ...date, day: 1 };
  for (let start = localMidnight(date, timeZone); start < to; start = localMidnight(date, timeZone)) {
    out.push(start);
    date = interval === 'day' ? addDays(date, 1) : addMonths(date, 1);
  }
  return out;
}

/** How many buckets [from, to) spans, without building them (for the range limit). */
export function bucketCountAtMost(from: Date, to: Date, interval: Interval): number {
  const hours = Math.ceil((to.getTime() - from.getTime()) / 3_600_000);
  return interval === 'hour'
    ? hours
    : interval === 'day'
      ? Math.ceil(hours / 23) + 1
      : Math.ceil(hours / 672) + 1;
}
