import { randomUUID } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import { TransactionHost } from '@nestjs-cls/transactional';
import { startTestApp, TestApp } from '../support/test-app';
import { signUp, SignedUp } from '../support/auth';
import { FixedClock } from '../../src/shared/domain/clock.port';
import { BillingForInvoicing } from '../../src/shared/contracts/billing-for-invoicing';
import { TenantId } from '../../src/shared/domain/tenant-id';

/** The contract Invoicing builds on, end to end on the real database: due periods, rating, commit. */
describe('BillingForInvoicing', () => {
  const clock = new FixedClock(new Date('2026-02-10T12:00:00Z'));
  let t: TestApp;
  let a: SignedUp;
  let billing: BillingForInvoicing;
  let inCls: <T>(fn: () => Promise<T>) => Promise<T>;
  let tenantId: TenantId;
  let customerId: string;
  let subscriptionId: string;
  let agentId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    a = await signUp(t);
    tenantId = a.tenantId as TenantId;
    billing = t.app.get(BillingForInvoicing);
    const cls = t.app.get(ClsService);
    inCls = (fn) => cls.run(fn);
    const agent = await a
      .auth(t.http.post('/api/v1/agents'))
      .send({ name: 'Support', slug: 'support', model: 'gpt-4o-mini' })
      .expect(201);
    agentId = agent.body.id;
    const customer = await a
      .auth(t.http.post('/api/v1/customers'))
      .send({ name: 'Acme', currency: 'USD', timezone: 'Europe/Paris', taxRate: '20' })
      .expect(201);
    customerId = customer.body.id;
    await a
      .auth(t.http.post('/api/v1/billable-metrics'))
      .send({ code: 'tokens', name: 'Tokens', aggregation: 'sum', field: 'tokens' })
      .expect(201);
    const plan = await a
      .auth(t.http.post('/api/v1/plans'))
      .send({
        code: 'hybrid',
        name: 'Hybrid',
        currency: 'USD',
        interval: 'month',
        charges: [
          { kind: 'base', name: 'Platform', amount: '49', timing: 'advance' },
          { kind: 'seat', name: 'Seats', unitAmount: '10', timing: 'arrears' },
          {
            kind: 'usage',
            name: 'Tokens',
            metricCode: 'tokens',
            freeUnits: '1000',
            price: { model: 'per_unit', unitAmount: '0.001' },
          },
          {
            kind: 'outcome',
            name: 'Deflections',
            outcomeType: 'deflection',
            percentage: '5',
            minPerOutcome: '1',
          },
        ],
      })
      .expect(201);
    await a
      .auth(t.http.post('/api/v1/coupons'))
      .send({ code: 'TEN', name: '10% off', kind: 'percentage', percentOff: '10', duration: 'once' })
      .expect(201);
    await a
      .auth(t.http.post(`/api/v1/customers/${customerId}/coupons`))
      .send({ code: 'TEN' })
      .expect(201);
    const sub = await a
      .auth(t.http.post('/api/v1/subscriptions'))
      .send({ customerId, planId: plan.body.id, seats: 3, startDate: '2026-01-31' })
      .expect(201);
    subscriptionId = sub.body.id;
    expect(sub.body.currentPeriodStart).toBe('2026-01-30T23:00:00.000Z'); // Jan 31 00:00 Paris
    expect(sub.body.currentPeriodEnd).toBe('2026-02-27T23:00:00.000Z'); // Feb 28 00:00 Paris
    const events = Array.from({ length: 5 }, (_, i) => ({
      eventId: `tok-${i}`,
      customerId,
      metric: 'tokens',
      timestamp: '2026-02-05T10:00:00Z',
      properties: { tokens: 1000 },
    }));
    await a.auth(t.http.post('/api/v1/usage/events')).send({ events }).expect(202);
    const outcome = await a
      .auth(t.http.post(`/api/v1/agents/${agentId}/outcomes`))
      .send({ type: 'deflection', value: '200', currency: 'USD', customerId, evidence: { ticket: 'T-1' } })
      .expect(201);
    expect(outcome.body.status).toBe('pending');
    await inCls(() => billing.markOutcome(tenantId, outcome.body.id, { status: 'verified' }));
    await inCls(() => billing.markOutcome(tenantId, outcome.body.id, { status: 'rejected' })); // no-op: not pending
    expect((await inCls(() => billing.findOutcome(tenantId, outcome.body.id)))?.status).toBe('verified');
    await a
      .auth(t.http.post(`/api/v1/customers/${customerId}/credits/grants`))
      .send({ amount: '20', paid: false })
      .expect(201);
  });
  afterAll(() => t.close());

  it('lists the period as due once it has ended', async () => {
    const before = await inCls(() =>
      billing.dueSubscriptionPeriodsOfTenant(tenantId, new Date('2026-02-20T00:00:00Z'), 100),
    );
    expect(before.find((d) => d.subscriptionId === subscriptionId)).toBeUndefined();
    const due = await inCls(() => billing.dueSubscriptionPeriods(new Date('2026-03-01T00:00:00Z'), 1000));
    expect(due.find((d) => d.subscriptionId === subscriptionId)).toMatchObject({
      tenantId,
      customerId,
      periodStart: new Date('2026-01-30T23:00:00Z'),
      periodEnd: new Date('2026-02-27T23:00:00Z'),
    });
  });

  it('rates the period: first in-advance fee, next in-advance fee, seats, usage, outcomes, coupon, tax', async () => {
    const rated = await inCls(() =>
      billing.ratePeriod(tenantId, subscriptionId, {
        start: new Date('2026-01-30T23:00:00Z'),
        end: new Date('2026-02-27T23:00:00Z'),
      }),
    );
    // base twice: this period's in-advance fee (recorded at subscription) and the next period's.
    const byKind = (k: string) => rated.lines.filter((l) => l.kind === k).map((l) => l.amount);
    expect(byKind('base')).toEqual(['49.00', '49.00']);
    expect(byKind('seat')).toEqual(['30.00']);
    expect(byKind('usage')).toEqual(['4.00']);
    expect(byKind('outcome')).toEqual(['10.00']);
    expect(byKind('discount')).toEqual(['-14.20']);
    expect(rated).toMatchObject({
      currency: 'USD',
      subtotal: '142.00',
      discountTotal: '-14.20',
      taxRate: '20',
      taxTotal: '25.56',
      totalBeforeCredits: '153.36',
      creditsAvailable: '20.00',
    });
    expect(rated.outcomes).toHaveLength(1);
    expect(rated.outcomes[0]).toMatchObject({
      agentId,
      type: 'deflection',
      value: '200',
      evidence: { ticket: 'T-1' },
    });
    expect(rated.couponRedemptionIds).toHaveLength(1);
  });

  it('commits inside the caller’s transaction: a rollback leaves nothing behind', async () => {
    const txHost = t.app.get(TransactionHost);
    const rated = await inCls(() =>
      billing.previewCurrentPeriod(tenantId, subscriptionId, new Date('2026-03-01T00:00:00Z')),
    );
    await expect(
      inCls(() =>
        txHost.withTransaction(async () => {
          await billing.commitInvoicedPeriod({
            tenantId,
            subscriptionId,
            periodStart: rated.periodStart,
            periodEnd: rated.periodEnd,
            invoiceId: randomUUID(),
            creditsToApply: rated.creditsAvailable,
            couponRedemptionIds: rated.couponRedemptionIds,
          });
          throw new Error('invoice write failed');
        }),
      ),
    ).rejects.toThrow('invoice write failed');
    const sub = await a.auth(t.http.get(`/api/v1/subscriptions/${subscriptionId}`)).expect(200);
    expect(sub.body.currentPeriodStart).toBe('2026-01-30T23:00:00.000Z');
    const credits = await a.auth(t.http.get(`/api/v1/customers/${customerId}/credits`)).expect(200);
    expect(credits.body.balance).toBe('20');
  });

  it('commits once: credits applied, coupon used, subscription moved to the next calendar period', async () => {
    const period = { start: new Date('2026-01-30T23:00:00Z'), end: new Date('2026-02-27T23:00:00Z') };
    const rated = await inCls(() => billing.ratePeriod(tenantId, subscriptionId, period));
    const input = {
      tenantId,
      subscriptionId,
      periodStart: period.start,
      periodEnd: period.end,
      invoiceId: randomUUID(),
      creditsToApply: rated.creditsAvailable,
      couponRedemptionIds: rated.couponRedemptionIds,
    };
    // The subscription's period after the commit comes back with it (a run catching up reads it from there).
    const after = {
      creditsApplied: '20.00',
      currentPeriod: { start: new Date('2026-02-27T23:00:00Z'), end: new Date('2026-03-30T22:00:00Z') },
    };
    expect(await inCls(() => billing.commitInvoicedPeriod(input))).toEqual(after);
    expect(await inCls(() => billing.commitInvoicedPeriod(input))).toEqual(after);
    const credits = await a.auth(t.http.get(`/api/v1/customers/${customerId}/credits`)).expect(200);
    expect(credits.body.balance).toBe('0');
    const sub = await a.auth(t.http.get(`/api/v1/subscriptions/${subscriptionId}`)).expect(200);
    expect(sub.body).toMatchObject({
      status: 'active',
      currentPeriodStart: '2026-02-27T23:00:00.000Z', // Feb 28 Paris
      currentPeriodEnd: '2026-03-30T22:00:00.000Z', // Mar 31 Paris (summer time)
    });
    const next = await inCls(() =>
      billing.ratePeriod(tenantId, subscriptionId, {
        start: new Date('2026-02-27T23:00:00Z'),
        end: new Date('2026-03-30T22:00:00Z'),
      }),
    );
    expect(next.lines.map((l) => l.kind).sort()).toEqual(['base', 'outcome', 'seat', 'usage']);
    expect(next).toMatchObject({
      subtotal: '79.00',
      discountTotal: '0.00',
      creditsAvailable: '0.00',
      outcomes: [],
    });
    const stats = await a.auth(t.http.get(`/api/v1/agents/${agentId}/stats`)).expect(200);
    expect(stats.body.revenue).toEqual([{ currency: 'USD', amount: '10' }]);
  });

  it('bills a trial period as free plus the first period in advance, then starts paid periods at the trial end', async () => {
    const plans = (await a.auth(t.http.get('/api/v1/plans')).expect(200)).body.items;
    const trial = (
      await a
        .auth(t.http.post('/api/v1/subscriptions'))
        .send({ customerId, planId: plans[0].id, seats: 2, startDate: '2026-02-10', trialDays: 14 })
        .expect(201)
    ).body;
    expect(trial).toMatchObject({ status: 'trialing', currentPeriodEnd: '2026-02-23T23:00:00.000Z' });
    const rated = await inCls(() =>
      billing.ratePeriod(tenantId, trial.id, {
        start: new Date(trial.currentPeriodStart),
        end: new Date(trial.currentPeriodEnd),
      }),
    );
    expect(rated.lines.map((l) => [l.kind, l.amount])).toEqual([['base', '49.00']]); // next period, in advance
    await inCls(() => billing.setSubscriptionStatus(tenantId, trial.id, 'active')); // does not end the trial
    await inCls(() =>
      billing.commitInvoicedPeriod({
        tenantId,
        subscriptionId: trial.id,
        periodStart: new Date(trial.currentPeriodStart),
        periodEnd: new Date(trial.currentPeriodEnd),
        invoiceId: randomUUID(),
        creditsToApply: '0',
        couponRedemptionIds: [],
      }),
    );
    const after = (await a.auth(t.http.get(`/api/v1/subscriptions/${trial.id}`)).expect(200)).body;
    expect(after).toMatchObject({
      status: 'active',
      currentPeriodStart: '2026-02-23T23:00:00.000Z', // Feb 24 Paris
      currentPeriodEnd: '2026-03-23T23:00:00.000Z', // Mar 24 Paris
    });
  });

  it('changes subscription status for payments and finds the customer for invoices', async () => {
    await inCls(() => billing.setSubscriptionStatus(tenantId, subscriptionId, 'past_due'));
    expect(
      (await a.auth(t.http.get(`/api/v1/subscriptions/${subscriptionId}`)).expect(200)).body.status,
    ).toBe('past_due');
    await inCls(() => billing.setSubscriptionStatus(tenantId, subscriptionId, 'active'));
    expect(await inCls(() => billing.findCustomer(tenantId, customerId))).toMatchObject({
      id: customerId,
      name: 'Acme',
      stripeCustomerId: null,
    });
    expect(await inCls(() => billing.findCustomer(tenantId, randomUUID()))).toBeNull();
    await inCls(() =>
      billing.grantCredits({ tenantId, customerId, amount: '15', reference: 'cs_1', description: 'Top-up' }),
    );
    await inCls(() =>
      billing.grantCredits({ tenantId, customerId, amount: '15', reference: 'cs_1', description: 'Top-up' }),
    );
    expect(
      (await a.auth(t.http.get(`/api/v1/customers/${customerId}/credits`)).expect(200)).body.balance,
    ).toBe('15');
  });
});
