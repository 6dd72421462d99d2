import { periodAt } from './periods';
import { addMonths, localMidnight, localDaysBetween } from '../../../shared/domain/local-date';
import { seatChangeProration, startSubscription } from './subscription';
import { Charge } from './plan';

describe('periods', () => {
  it('adds months calendar-correctly from the anchor (Jan 31 → Feb 28/29 → Mar 31)', () => {
    const jan31 = { year: 2026, month: 1, day: 31 };
    expect(addMonths(jan31, 1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(addMonths({ year: 2028, month: 1, day: 31 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addMonths(jan31, 2)).toEqual({ year: 2026, month: 3, day: 31 });
    expect(addMonths(jan31, 12)).toEqual({ year: 2027, month: 1, day: 31 });
    expect(addMonths({ year: 2026, month: 11, day: 30 }, 3)).toEqual({ year: 2027, month: 2, day: 28 });
  });

  it('starts periods at local midnight in the customer timezone', () => {
    expect(localMidnight({ year: 2026, month: 11, day: 1 }, 'Europe/Paris').toISOString()).toBe(
      '2026-10-31T23:00:00.000Z',
    );
    expect(localMidnight({ year: 2026, month: 7, day: 1 }, 'Europe/Paris').toISOString()).toBe(
      '2026-06-30T22:00:00.000Z',
    );
    expect(localMidnight({ year: 2026, month: 11, day: 1 }, 'Asia/Tokyo').toISOString()).toBe(
      '2026-10-31T15:00:00.000Z',
    );
    expect(localMidnight({ year: 2026, month: 11, day: 1 }, 'America/Los_Angeles').toISOString()).toBe(
      '2026-11-01T07:00:00.000Z',
    );
  });

  it('makes contiguous periods across DST changes (no day billed twice)', () => {
    const anchor = { year: 2026, month: 1, day: 31 };
    const p = [0, 1, 2, 3].map((n) => periodAt(anchor, 'month', n, 'Europe/Paris'));
    for (let i = 1; i < p.length; i++) expect(p[i].start.getTime()).toBe(p[i - 1].end.getTime());
    expect(p[1].start.toISOString()).toBe('2026-02-27T23:00:00.000Z'); // Feb 28 local
    expect(p[2].start.toISOString()).toBe('2026-03-30T22:00:00.000Z'); // Mar 31 local, after DST
    expect(localDaysBetween(p[1].start, p[1].end, 'Europe/Paris')).toBe(31); // Feb 28 → Mar 31
  });

  it('quarters and years count from the anchor', () => {
    expect(periodAt({ year: 2026, month: 11, day: 30 }, 'quarter', 1, 'UTC').start.toISOString()).toBe(
      '2027-02-28T00:00:00.000Z',
    );
    expect(periodAt({ year: 2028, month: 2, day: 29 }, 'year', 1, 'UTC').start.toISOString()).toBe(
      '2029-02-28T00:00:00.000Z',
    );
  });

  it('starts a trial as its own period, then anchors paid periods at its end', () => {
    const s = startSubscription({
      startDate: { year: 2026, month: 11, day: 22 },
      timezone: 'UTC',
      interval: 'month',
      trialDays: 14,
    });
    expect(s).toMatchObject({ status: 'trialing', periodIndex: -1, anchorDate: '2026-12-06' });
    expect(s.currentPeriodEnd.toISOString()).toBe('2026-12-06T00:00:00.000Z');
  });

  it('prorates a seat change by whole local days (change day counts to the new seats)', () => {
    const charges: Charge[] = [{ id: 's', kind: 'seat', name: 'Seats', unitAmount: '30', timing: 'advance' }];
    const period = periodAt({ year: 2026, month: 11, day: 1 }, 'month', 0, 'UTC'); // 30 days
    const [line] = seatChangeProration({
      charges,
      oldSeats: 5,
      newSeats: 8,
      now: new Date('2026-11-21T12:00:00Z'), // 10 days left: 21..30
      period,
      timezone: 'UTC',
    });
    expect(line.quantity).toBe('3');
    expect(line.amount.toString()).toBe('30'); // 3 × 30 × 10/30
    const [down] = seatChangeProration({
      charges,
      oldSeats: 8,
      newSeats: 5,
      now: new Date('2026-11-21T12:00:00Z'),
      period,
      timezone: 'UTC',
    });
    expect(down.amount.toString()).toBe('-30');
  });
});
