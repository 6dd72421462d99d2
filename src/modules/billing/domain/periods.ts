import { addMonths, LocalDate, localMidnight, Period } from '../../../shared/domain/local-date';
import { INTERVAL_MONTHS, Interval } from './plan';

/**
 * Billing periods in the customer's timezone: boundaries are local midnights; period n starts at the
 * anchor date + n intervals, computed from the anchor (never chained).
 */

/** Period n (0-based) of a subscription anchored at `anchor` in `timeZone`. */
export function periodAt(anchor: LocalDate, interval: Interval, n: number, timeZone: string): Period {
  const months = INTERVAL_MONTHS[interval];
  return {
    start: localMidnight(addMonths(anchor, n * months), timeZone),
    end: localMidnight(addMonths(anchor, (n + 1) * months), timeZone),
  };
}
