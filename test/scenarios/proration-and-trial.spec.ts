import { Charge } from '../../src/modules/billing/domain/plan';
import { periodAt } from '../../src/modules/billing/domain/periods';
import {
  proratedAdvanceFees,
  seatChangeProration,
  startSubscription,
} from '../../src/modules/billing/domain/subscription';
import { ratePeriod } from './support';

/**
 * Proration by day, as Stripe defines it (https://docs.stripe.com/billing/subscriptions/prorations): on a
 * change the unused time of the old price is credited and the remaining time of the new price charged.
 * Tollgate counts whole local days, the change day belonging to the new terms.
 */
describe('scenarios: proration', () => {
  // November 2026 has 30 days; a change on the 21st leaves 10 (21..30).
  const november = periodAt({ year: 2026, month: 11, day: 1 }, 'month', 0, 'UTC');
  const change = new Date('2026-11-21T09:00:00Z');
  const base = (amount: string): Charge => ({
    id: amount,
    kind: 'base',
    name: `Plan ${amount}`,
    amount,
    timing: 'advance',
  });
  const fees = (charges: Charge[], sign: 1 | -1, now = change) =>
    proratedAdvanceFees({ charges, seats: 1, now, period: november, timezone: 'UTC', sign, label: 'x' }).map(
      (l) => l.amount.toString(),
    );

  it('upgrade 30 -> 60 with 10 of 30 days left: credit 10.00, charge 20.00', () => {
    expect([...fees([base('30')], -1), ...fees([base('60')], 1)]).toEqual(['-10', '20']);
  });

  it('downgrade 60 -> 30 half-way (15 of 30 days left): credit 30.00, charge 15.00', () => {
    const halfWay = new Date('2026-11-16T00:00:00Z');
    expect([...fees([base('60')], -1, halfWay), ...fees([base('30')], 1, halfWay)]).toEqual(['-30', '15']);
  });

  it('Stripe’s example shape: $10 -> $20 at the half of a 30-day month credits 5 and charges 10', () => {
    const halfWay = new Date('2026-11-16T00:00:00Z');
    expect([...fees([base('10')], -1, halfWay), ...fees([base('20')], 1, halfWay)]).toEqual(['-5', '10']);
  });

  it('3 more seats at 30 with 10 of 30 days left charge 30.00; 3 fewer credit 30.00', () => {
    const seats: Charge[] = [{ id: 's', kind: 'seat', name: 'Seats', unitAmount: '30', timing: 'advance' }];
    const up = seatChangeProration({
      charges: seats,
      oldSeats: 5,
      newSeats: 8,
      now: change,
      period: november,
      timezone: 'UTC',
    });
    const down = seatChangeProration({
      charges: seats,
      oldSeats: 8,
      newSeats: 5,
      now: change,
      period: november,
      timezone: 'UTC',
    });
    expect([up[0].amount.toString(), down[0].amount.toString()]).toEqual(['30', '-30']);
  });

  it('a proration of 1/3 is rounded once, on the invoice line: 10 × 10/30 = 3.33', () => {
    const [line] = proratedAdvanceFees({
      charges: [base('10')],
      seats: 1,
      now: change,
      period: november,
      timezone: 'UTC',
      sign: 1,
      label: 'x',
    });
    const rated = ratePeriod({ charges: [], adjustments: [{ ...line, amount: line.amount.toString() }] });
    expect(rated.lines[0].amount).toBe('3.33');
  });
});

describe('scenarios: trial', () => {
  // A 14-day trial from Nov 22 (the definition of trial days): free until Dec 6, paid periods anchored there.
  it('a 14-day trial from 2026-11-22 ends 2026-12-06 and paid months count from that day', () => {
    const s = startSubscription({
      startDate: { year: 2026, month: 11, day: 22 },
      timezone: 'UTC',
      interval: 'month',
      trialDays: 14,
    });
    expect(s).toMatchObject({ status: 'trialing', anchorDate: '2026-12-06' });
    expect(s.currentPeriodEnd.toISOString()).toBe('2026-12-06T00:00:00.000Z');
  });

  it('the trial period bills no usage, only the first paid period’s in-advance fee', () => {
    const rated = ratePeriod({
      charges: [
        { id: 'b', kind: 'base', name: 'Platform', amount: '49', timing: 'advance' },
        {
          id: 'u',
          kind: 'usage',
          name: 'Calls',
          metricCode: 'calls',
          price: { model: 'per_unit', unitAmount: '1' },
        },
      ],
      usage: { u: { quantity: '1000', events: 1000 } },
      billArrears: false,
      billAdvanceForNextPeriod: true,
    });
    expect(rated.lines.map((l) => [l.description, l.amount])).toEqual([
      ['Platform (next period, in advance)', '49.00'],
    ]);
    expect(rated.totalBeforeCredits).toBe('49.00');
  });
});
