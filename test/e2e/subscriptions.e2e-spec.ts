import { startTestApp, TestApp } from '../support/test-app';
import { signUp, SignedUp } from '../support/auth';
import { FixedClock } from '../../src/shared/domain/clock.port';

describe('billing: subscriptions', () => {
  // Nov 2026 has 30 days; on the 21st (UTC) 10 days are left, the change day included.
  const clock = new FixedClock(new Date('2026-11-21T12:00:00Z'));
  let t: TestApp;
  let a: SignedUp;
  let b: SignedUp;
  let customerId: string;
  let proId: string;
  let teamId: string;

  const plan = async (code: string, base: string, seat: string, extra: object = {}) =>
    (
      await a
        .auth(t.http.post('/api/v1/plans'))
        .send({
          code,
          name: code,
          currency: 'USD',
          interval: 'month',
          charges: [
            { kind: 'base', name: `${code} base`, amount: base, timing: 'advance' },
            { kind: 'seat', name: `${code} seats`, unitAmount: seat, timing: 'advance' },
          ],
          ...extra,
        })
        .expect(201)
    ).body.id as string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    [a, b] = await Promise.all([signUp(t), signUp(t)]);
    customerId = (
      await a.auth(t.http.post('/api/v1/customers')).send({ name: 'C', currency: 'USD' }).expect(201)
    ).body.id;
    proId = await plan('pro', '30', '3');
    teamId = await plan('team', '60', '6');
  });
  afterAll(() => t.close());

  const upcoming = async (id: string) =>
    (await a.auth(t.http.get(`/api/v1/subscriptions/${id}/upcoming`)).expect(200)).body;

  it('starts on the local start date and bills the first period’s in-advance fees', async () => {
    const sub = (
      await a
        .auth(t.http.post('/api/v1/subscriptions'))
        .send({ customerId, planId: proId, seats: 5, startDate: '2026-11-01' })
        .expect(201)
    ).body;
    expect(sub).toMatchObject({
      status: 'active',
      seats: 5,
      currentPeriodStart: '2026-11-01T00:00:00.000Z',
      currentPeriodEnd: '2026-12-01T00:00:00.000Z',
    });
    const up = await upcoming(sub.id);
    // This period in advance (30 + 5×3) and the next period in advance (30 + 5×3).
    expect(up.subtotal).toBe('90.00');
  });

  it('starts a date-only start on that calendar date in the customer’s time zone, west or east of UTC', async () => {
    const cases: [string, string, string][] = [
      ['America/Los_Angeles', '2026-11-01T07:00:00.000Z', '2026-12-01T08:00:00.000Z'],
      ['America/New_York', '2026-11-01T04:00:00.000Z', '2026-12-01T05:00:00.000Z'],
      ['Asia/Kolkata', '2026-10-31T18:30:00.000Z', '2026-11-30T18:30:00.000Z'],
    ];
    for (const [timezone, start, end] of cases) {
      const customer = (
        await a
          .auth(t.http.post('/api/v1/customers'))
          .send({ name: timezone, currency: 'USD', timezone })
          .expect(201)
      ).body.id;
      const sub = (
        await a
          .auth(t.http.post('/api/v1/subscriptions'))
          .send({ customerId: customer, planId: proId, startDate: '2026-11-01' })
          .expect(201)
      ).body;
      expect([timezone, sub.currentPeriodStart, sub.currentPeriodEnd]).toEqual([timezone, start, end]);
    }
  });

  it('refuses a start date outside a year either side of today', async () => {
    for (const startDate of ['0001-01-01', '2025-11-01', '2027-12-01', '2026-02-30']) {
      const res = await a
        .auth(t.http.post('/api/v1/subscriptions'))
        .send({ customerId, planId: proId, startDate })
        .expect(400);
      expect(JSON.stringify(res.body)).toMatch(/startDate/);
    }
  });

  it('prorates a seat change by day for in-advance seats', async () => {
    const sub = (
      await a
        .auth(t.http.post('/api/v1/subscriptions'))
        .send({ customerId, planId: proId, seats: 5, startDate: '2026-11-01' })
        .expect(201)
    ).body;
    await a
      .auth(t.http.post(`/api/v1/subscriptions/${sub.id}/seats`))
      .send({ seats: 8 })
      .expect(200);
    const up = await upcoming(sub.id);
    const proration = up.lines.find((l: { kind: string }) => l.kind === 'proration');
    expect(proration).toMatchObject({ quantity: '3', amount: '3.00' }); // 3 seats × 3 × 10/30
    // Next period in advance now uses 8 seats: 30 + 24.
    expect(
      up.lines
        .filter((l: { description: string }) => /next period/.test(l.description))
        .map((l: { amount: string }) => l.amount),
    ).toEqual(['30.00', '24.00']);
    await a
      .auth(t.http.post(`/api/v1/subscriptions/${sub.id}/seats`))
      .send({ seats: -1 })
      .expect(400);
  });

  it('prorates a plan change: credits the unused old fees and charges the new ones for the rest of the period', async () => {
    const sub = (
      await a
        .auth(t.http.post('/api/v1/subscriptions'))
        .send({ customerId, planId: proId, seats: 1, startDate: '2026-11-01' })
        .expect(201)
    ).body;
    const moved = await a
      .auth(t.http.post(`/api/v1/subscriptions/${sub.id}/change-plan`))
      .send({ planId: teamId })
      .expect(200);
    expect(moved.body.planId).toBe(teamId);
    const lines = (await upcoming(sub.id)).lines
      .filter((l: { kind: string }) => l.kind === 'proration')
      .map((l: { amount: string }) => l.amount);
    expect(lines).toEqual(['-10.00', '-1.00', '20.00', '2.00']); // pro 30+3 and team 60+6, × 10/30
  });

  it('rejects a plan in another currency', async () => {
    const eur = (
      await a
        .auth(t.http.post('/api/v1/plans'))
        .send({ code: 'eur', name: 'EUR', currency: 'EUR', interval: 'month', charges: [] })
        .expect(201)
    ).body.id;
    await a.auth(t.http.post('/api/v1/subscriptions')).send({ customerId, planId: eur }).expect(400);
  });

  it('starts a trial: free until the trial ends, then the first paid period', async () => {
    const sub = (
      await a
        .auth(t.http.post('/api/v1/subscriptions'))
        .send({ customerId, planId: proId, trialDays: 14, startDate: '2026-11-21' })
        .expect(201)
    ).body;
    expect(sub).toMatchObject({
      status: 'trialing',
      trialEnd: '2026-12-05T00:00:00.000Z',
      currentPeriodEnd: '2026-12-05T00:00:00.000Z',
    });
    const up = await upcoming(sub.id);
    expect(up.lines.map((l: { description: string }) => l.description)).toEqual([
      'pro base (next period, in advance)',
      'pro seats (next period, in advance)',
    ]);
  });

  it('cancels at period end or now', async () => {
    const s1 = (
      await a
        .auth(t.http.post('/api/v1/subscriptions'))
        .send({ customerId, planId: proId, startDate: '2026-11-01' })
        .expect(201)
    ).body;
    const atEnd = await a
      .auth(t.http.post(`/api/v1/subscriptions/${s1.id}/cancel`))
      .send({ when: 'period_end' })
      .expect(200);
    expect(atEnd.body).toMatchObject({
      status: 'active',
      cancelAtPeriodEnd: true,
      currentPeriodEnd: '2026-12-01T00:00:00.000Z',
    });
    expect(
      (await upcoming(s1.id)).lines.some((l: { description: string }) => /next period/.test(l.description)),
    ).toBe(false);
    const s2 = (
      await a
        .auth(t.http.post('/api/v1/subscriptions'))
        .send({ customerId, planId: proId, startDate: '2026-11-01' })
        .expect(201)
    ).body;
    const now = await a
      .auth(t.http.post(`/api/v1/subscriptions/${s2.id}/cancel`))
      .send({ when: 'now' })
      .expect(200);
    expect(now.body).toMatchObject({ status: 'canceled', currentPeriodEnd: '2026-11-21T12:00:00.000Z' });
    await a
      .auth(t.http.post(`/api/v1/subscriptions/${s2.id}/seats`))
      .send({ seats: 3 })
      .expect(409);
    await a
      .auth(t.http.post(`/api/v1/subscriptions/${s2.id}/cancel`))
      .send({ when: 'later' })
      .expect(400);
  });

  it('answers 404 for another tenant’s subscription on every route', async () => {
    const sub = (
      await a.auth(t.http.post('/api/v1/subscriptions')).send({ customerId, planId: proId }).expect(201)
    ).body;
    await b.auth(t.http.get(`/api/v1/subscriptions/${sub.id}`)).expect(404);
    await b.auth(t.http.get(`/api/v1/subscriptions/${sub.id}/upcoming`)).expect(404);
    await b
      .auth(t.http.post(`/api/v1/subscriptions/${sub.id}/seats`))
      .send({ seats: 2 })
      .expect(404);
    await b
      .auth(t.http.post(`/api/v1/subscriptions/${sub.id}/change-plan`))
      .send({ planId: proId })
      .expect(404);
    await b
      .auth(t.http.post(`/api/v1/subscriptions/${sub.id}/cancel`))
      .send({ when: 'now' })
      .expect(404);
    const list = await b.auth(t.http.get('/api/v1/subscriptions')).expect(200);
    expect(list.body.items).toEqual([]);
    await b.auth(t.http.post('/api/v1/subscriptions')).send({ customerId, planId: proId }).expect(404);
    expect((await a.auth(t.http.get(`/api/v1/subscriptions/${sub.id}`)).expect(200)).body.status).toBe(
      'active',
    );
  });
});
