import { startTestApp, TestApp } from '../support/test-app';
import { signUp, SignedUp } from '../support/auth';
import { FixedClock } from '../../src/shared/domain/clock.port';

describe('billing: percentage charges, per transaction and per period', () => {
  const clock = new FixedClock(new Date('2026-11-20T12:00:00Z'));
  let t: TestApp;
  let a: SignedUp;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    a = await signUp(t);
  });
  afterAll(() => t.close());

  it('clamps each transaction’s fee with perTransactionMin/Max, and the period total with min/max', async () => {
    await a
      .auth(t.http.post('/api/v1/billable-metrics'))
      .send({ code: 'payments', name: 'Payments', aggregation: 'sum', field: 'amount' })
      .expect(201);
    const customerId = (
      await a.auth(t.http.post('/api/v1/customers')).send({ name: 'Shop', currency: 'USD' }).expect(201)
    ).body.id;
    const percentage = { model: 'percentage', rate: '2.9', fixedPerEvent: '0.30' };
    const planId = (
      await a
        .auth(t.http.post('/api/v1/plans'))
        .send({
          code: 'payments',
          name: 'Payments',
          currency: 'USD',
          interval: 'month',
          charges: [
            {
              kind: 'usage',
              name: 'Per transaction',
              metricCode: 'payments',
              price: { ...percentage, perTransactionMin: '0.50', perTransactionMax: '5' },
            },
            {
              kind: 'usage',
              name: 'Per period',
              metricCode: 'payments',
              price: { ...percentage, max: '10' },
            },
          ],
        })
        .expect(201)
    ).body.id;
    const sub = (
      await a
        .auth(t.http.post('/api/v1/subscriptions'))
        .send({ customerId, planId, startDate: '2026-11-01' })
        .expect(201)
    ).body;
    const events = ['10', '100', '1000'].map((amount, i) => ({
      eventId: `p-${i}`,
      customerId,
      metric: 'payments',
      timestamp: '2026-11-10T00:00:00Z',
      properties: { amount },
    }));
    await a.auth(t.http.post('/api/v1/usage/events')).send({ events }).expect(202);
    const up = (await a.auth(t.http.get(`/api/v1/subscriptions/${sub.id}/upcoming`)).expect(200)).body;
    const line = (name: string) =>
      up.lines.find((l: { description: string }) => l.description === name).amount;
    // Per transaction: 0.29 -> 0.50, 2.90, 29.00 -> 5.00; + 3 × 0.30 = 9.30.
    expect(line('Per transaction')).toBe('9.30');
    // Per period: 1110 × 2.9% + 0.90 = 33.09, capped at 10.00.
    expect(line('Per period')).toBe('10.00');

    const bad = await a
      .auth(t.http.post('/api/v1/plans'))
      .send({
        code: 'bad',
        name: 'Bad',
        currency: 'USD',
        interval: 'month',
        charges: [
          {
            kind: 'usage',
            metricCode: 'payments',
            price: { ...percentage, perTransactionMin: '5', perTransactionMax: '1' },
          },
        ],
      })
      .expect(400);
    expect(JSON.stringify(bad.body.errors)).toMatch(/perTransactionMax must be >= perTransactionMin/);
  });
});
