import { FixedClock } from '../../src/shared/domain/clock.port';
import { startTestApp, TestApp } from '../support/test-app';
import { until } from '../support/until';
import { isolatedEnv, signUp, SignedUp } from '../support/auth';

type InvoiceBody = { id: string; status: string; periodStart: string; periodEnd: string; total: string };

describe('invoicing: a run catches up a subscription several periods behind', () => {
  // Subscribed on Aug 1; nothing was invoiced since (the worker was down): Aug, Sep and Oct have ended.
  const clock = new FixedClock(new Date('2026-11-20T12:00:00Z'));
  let t: TestApp;
  let a: SignedUp;
  let dropDatabase: () => Promise<void>;

  beforeAll(async () => {
    // Own database and queues: these periods are dated by this file's clock.
    const isolated = await isolatedEnv('catchup');
    dropDatabase = isolated.drop;
    t = await startTestApp({
      workers: true,
      clock,
      env: { INVOICE_GRACE_PERIOD_HOURS: '0', ...isolated.env },
    });
    a = await signUp(t);
  });
  afterAll(async () => {
    await t.close();
    await dropDatabase();
  });

  const invoices = () => a.auth(t.http.get('/api/v1/invoices')).then((r) => r.body.items as InvoiceBody[]);

  it('invoices every ended period once, in one run, oldest first, and a second run adds nothing', async () => {
    const customerId = (
      await a
        .auth(t.http.post('/api/v1/customers'))
        .send({ name: 'Behind', currency: 'USD', timezone: 'America/New_York' })
        .expect(201)
    ).body.id;
    const planId = (
      await a
        .auth(t.http.post('/api/v1/plans'))
        .send({
          code: 'monthly',
          name: 'Monthly',
          currency: 'USD',
          interval: 'month',
          charges: [{ kind: 'base', name: 'Platform fee', amount: '10.00', timing: 'arrears' }],
        })
        .expect(201)
    ).body.id;
    const sub = (
      await a
        .auth(t.http.post('/api/v1/subscriptions'))
        .send({ customerId, planId, startDate: '2026-08-01' })
        .expect(201)
    ).body;

    const run = await a.auth(t.http.post('/api/v1/invoices/runs')).send({}).expect(202);
    const three = await until(invoices, (items) => items.filter((i) => i.status === 'finalized').length >= 3);
    const periods = three.map((i) => [i.periodStart, i.periodEnd, i.total]).sort();
    // New York local midnights: EDT (-4) until Nov 1.
    expect(periods).toEqual([
      ['2026-08-01T04:00:00.000Z', '2026-09-01T04:00:00.000Z', '10.00'],
      ['2026-09-01T04:00:00.000Z', '2026-10-01T04:00:00.000Z', '10.00'],
      ['2026-10-01T04:00:00.000Z', '2026-11-01T04:00:00.000Z', '10.00'],
    ]);
    const after = (await a.auth(t.http.get(`/api/v1/subscriptions/${sub.id}`)).expect(200)).body;
    expect(after).toMatchObject({
      currentPeriodStart: '2026-11-01T04:00:00.000Z',
      currentPeriodEnd: '2026-12-01T05:00:00.000Z',
    });
    const status = await until(
      () => a.auth(t.http.get(`/api/v1/invoices/runs/${run.body.id}`)).then((r) => r.body),
      (r) => r.jobsDone === 3,
    );
    expect(status).toMatchObject({ jobsTotal: 3, jobsDone: 3, jobsFailed: 0 });

    await a.auth(t.http.post('/api/v1/invoices/runs')).send({}).expect(202);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await invoices()).toHaveLength(3);
  });
});
