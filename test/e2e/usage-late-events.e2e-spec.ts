import { startTestApp, TestApp } from '../support/test-app';
import { signUp, SignedUp } from '../support/auth';
import { FixedClock } from '../../src/shared/domain/clock.port';

describe('billing: late and corrective usage events', () => {
  // USAGE_LATE_WINDOW_DAYS defaults to 35: the oldest accepted timestamp is 2026-10-16T12:00Z.
  const clock = new FixedClock(new Date('2026-11-20T12:00:00Z'));
  let t: TestApp;
  let a: SignedUp;
  let planId: string;

  const customerWith = async (name: string, startDate?: string) => {
    const id = (await a.auth(t.http.post('/api/v1/customers')).send({ name, currency: 'USD' }).expect(201))
      .body.id as string;
    if (startDate)
      await a
        .auth(t.http.post('/api/v1/subscriptions'))
        .send({ customerId: id, planId, startDate })
        .expect(201);
    return id;
  };
  const ingest = async (events: object[]) =>
    (await a.auth(t.http.post('/api/v1/usage/events')).send({ events }).expect(202)).body;
  const reasons = (body: { rejections: { eventId: string; reason: string }[] }) =>
    body.rejections.map((r) => [r.eventId, r.reason]);

  beforeAll(async () => {
    t = await startTestApp({ clock });
    a = await signUp(t);
    planId = (
      await a
        .auth(t.http.post('/api/v1/plans'))
        .send({ code: 'free', name: 'Free', currency: 'USD', interval: 'month', charges: [] })
        .expect(201)
    ).body.id;
    for (const metric of [
      { code: 'calls', name: 'Calls', aggregation: 'count' },
      { code: 'tokens', name: 'Tokens', aggregation: 'sum', field: 'tokens' },
      { code: 'credits', name: 'Credits', aggregation: 'sum', field: 'n', allowsCorrections: true },
    ])
      await a.auth(t.http.post('/api/v1/billable-metrics')).send(metric).expect(201);
  });
  afterAll(() => t.close());

  it('rejects events older than the late window as too_old, accepts those just inside it', async () => {
    const customerId = await customerWith('Window', '2026-10-01');
    const body = await ingest([
      { eventId: 'w-old', customerId, metric: 'calls', timestamp: '2026-10-16T11:59:59Z' },
      { eventId: 'w-in', customerId, metric: 'calls', timestamp: '2026-10-16T12:00:00Z' },
      { eventId: 'w-year', customerId, metric: 'calls', timestamp: '2025-11-20T12:00:00Z' },
    ]);
    expect(body).toMatchObject({ accepted: 1, rejected: 2 });
    expect(reasons(body)).toEqual([
      ['w-old', 'too_old'],
      ['w-year', 'too_old'],
    ]);
    expect(body.rejections[0].message).toMatch(/35 days/);
  });

  it('rejects events before the customer’s first subscription starts; customers without one take any', async () => {
    const subscribed = await customerWith('Starts later', '2026-11-10');
    const unsubscribed = await customerWith('No subscription');
    const body = await ingest([
      { eventId: 'b-before', customerId: subscribed, metric: 'calls', timestamp: '2026-11-09T23:59:59Z' },
      { eventId: 'b-on', customerId: subscribed, metric: 'calls', timestamp: '2026-11-10T00:00:00Z' },
      { eventId: 'b-none', customerId: unsubscribed, metric: 'calls', timestamp: '2026-11-01T00:00:00Z' },
    ]);
    expect(body).toMatchObject({ accepted: 2, rejected: 1 });
    expect(reasons(body)).toEqual([['b-before', 'before_subscription']]);
  });

  it('refuses negative values unless the metric allows corrections', async () => {
    const customerId = await customerWith('Negative', '2026-11-01');
    const ts = '2026-11-15T00:00:00Z';
    const body = await ingest([
      { eventId: 'n-tokens', customerId, metric: 'tokens', timestamp: ts, properties: { tokens: -5000 } },
      { eventId: 'n-string', customerId, metric: 'tokens', timestamp: ts, properties: { tokens: '-1' } },
      { eventId: 'n-ok', customerId, metric: 'tokens', timestamp: ts, properties: { tokens: 7 } },
      { eventId: 'n-credit', customerId, metric: 'credits', timestamp: ts, properties: { n: 10 } },
      { eventId: 'n-correct', customerId, metric: 'credits', timestamp: ts, properties: { n: -4 } },
    ]);
    expect(reasons(body)).toEqual([
      ['n-tokens', 'negative_value'],
      ['n-string', 'negative_value'],
    ]);
    const summary = await a
      .auth(t.http.get('/api/v1/usage/summary'))
      .query({ customer: customerId, from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' })
      .expect(200);
    expect(summary.body.data).toEqual([
      { metricCode: 'credits', aggregation: 'sum', value: '6', events: 2 },
      { metricCode: 'tokens', aggregation: 'sum', value: '7', events: 1 },
    ]);
    const metrics = (await a.auth(t.http.get('/api/v1/billable-metrics')).expect(200)).body.items;
    expect(
      metrics.map((m: { code: string; allowsCorrections: boolean }) => [m.code, m.allowsCorrections]),
    ).toEqual([
      ['calls', false],
      ['credits', true],
      ['tokens', false],
    ]);
  });
});
