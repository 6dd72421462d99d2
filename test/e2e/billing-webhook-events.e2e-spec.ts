import { ClsService } from 'nestjs-cls';
import { startTestApp, TestApp } from '../support/test-app';
import { signUp, SignedUp } from '../support/auth';
import { FakeWebhookReceiver, ReceivedWebhook } from '../fakes/fake-webhook-receiver';
import { DebitCredits } from '../../src/modules/billing/application/debit-credits.use-case';
import { BillingForInvoicing } from '../../src/shared/contracts/billing-for-invoicing';
import { newId } from '../../src/shared/domain/ids';
import { asTenantId } from '../../src/shared/domain/tenant-id';

/** Long enough for a publish made inside a transaction (first try delayed 1 s) to have been delivered. */
const SETTLE_MS = 1200;
const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));

describe('billing: outbound webhook events', () => {
  let t: TestApp;
  let owner: SignedUp;
  let receiver: FakeWebhookReceiver;
  let billing: BillingForInvoicing;
  let inCls: <T>(fn: () => Promise<T>) => Promise<T>;
  let planId: string;

  const newCustomer = async () =>
    (
      await owner
        .auth(t.http.post('/api/v1/customers'))
        .send({ name: 'Wallet Co', currency: 'USD', externalId: `ext-${newId()}` })
        .expect(201)
    ).body as { id: string; externalId: string };

  const subscribe = async (customerId: string) =>
    (
      await owner
        .auth(t.http.post('/api/v1/subscriptions'))
        .send({ customerId, planId, seats: 2 })
        .expect(201)
    ).body as { id: string; currentPeriodStart: string; currentPeriodEnd: string };

  beforeAll(async () => {
    t = await startTestApp({
      workers: true,
      env: {
        OUTBOUND_ALLOW_PRIVATE_ADDRESSES: 'true',
        CREDITS_LOW_THRESHOLD: '10',
      },
    });
    receiver = await new FakeWebhookReceiver().start();
    owner = await signUp(t);
    billing = t.app.get(BillingForInvoicing);
    const cls = t.app.get(ClsService);
    inCls = (fn) => cls.run(fn);
    for (const [path, type] of [
      ['/credits', 'credits.low'],
      ['/subscriptions', 'subscription.updated'],
    ])
      await owner
        .auth(t.http.post('/api/v1/webhook-endpoints'))
        .send({ url: `${receiver.url}${path}`, eventTypes: [type] })
        .expect(201);
    planId = (
      await owner
        .auth(t.http.post('/api/v1/plans'))
        .send({
          code: 'starter',
          name: 'Starter',
          currency: 'USD',
          interval: 'month',
          charges: [{ kind: 'base', name: 'Starter base', amount: '20', timing: 'advance' }],
        })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('emits credits.low once when a debit crosses the threshold, not above it nor on later debits', async () => {
    const customer = await newCustomer();
    const sub = await subscribe(customer.id);
    await owner
      .auth(t.http.post(`/api/v1/customers/${customer.id}/credits/grants`))
      .send({ amount: '12', paid: true })
      .expect(201);
    const debit = t.app.get(DebitCredits);
    const tenantId = asTenantId(owner.tenantId);

    // 12 -> 11: still above the threshold.
    await inCls(() => debit.execute(tenantId, customer.id, '1', 'manual:1', 'test'));
    // 11 -> 6 through invoice consumption (the path Invoicing takes when it finalizes an invoice).
    const commit = () =>
      inCls(() =>
        billing.commitInvoicedPeriod({
          tenantId,
          subscriptionId: sub.id,
          periodStart: new Date(sub.currentPeriodStart),
          periodEnd: new Date(sub.currentPeriodEnd),
          invoiceId: newId(),
          creditsToApply: '5',
          couponRedemptionIds: [],
        }),
      );
    expect(await commit()).toMatchObject({ creditsApplied: '5.00' });
    expect(await commit()).toMatchObject({ creditsApplied: '5.00' }); // a retried commit debits (and emits) nothing
    // 6 -> 5: already below, no second event.
    await inCls(() => debit.execute(tenantId, customer.id, '1', 'manual:2', 'test'));

    const ofCustomer = (r: ReceivedWebhook) =>
      r.path === '/credits' && r.json?.data?.customerId === customer.id;
    const [hook] = await receiver.waitFor(1, ofCustomer);
    expect(hook.json).toMatchObject({
      type: 'credits.low',
      data: {
        customerId: customer.id,
        externalId: customer.externalId,
        balance: '6.00',
        threshold: '10.00',
        currency: 'USD',
      },
    });
    await settle();
    expect(receiver.received.filter(ofCustomer)).toHaveLength(1);
    const wallet = await owner.auth(t.http.get(`/api/v1/customers/${customer.id}/credits`)).expect(200);
    expect(wallet.body.balance).toBe('5');
  });

  it('emits one credits.low for concurrent debits crossing together, and again after a top-up', async () => {
    const customer = await newCustomer();
    const grant = (amount: string) =>
      owner
        .auth(t.http.post(`/api/v1/customers/${customer.id}/credits/grants`))
        .send({ amount, paid: true })
        .expect(201);
    await grant('30');
    const debit = t.app.get(DebitCredits);
    const tenantId = asTenantId(owner.tenantId);
    const ofCustomer = (r: ReceivedWebhook) =>
      r.path === '/credits' && r.json?.data?.customerId === customer.id;

    // 30 -> 0 in ten concurrent debits of 3: exactly one of them goes from 12 to 9.
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        inCls(() => debit.execute(tenantId, customer.id, '3', `c:${i}`, 'test')),
      ),
    );
    const [first] = await receiver.waitFor(1, ofCustomer);
    expect(first.json.data.balance).toBe('9.00');

    await grant('20'); // back above the threshold: the next crossing emits again
    await inCls(() => debit.execute(tenantId, customer.id, '15', 'c:again', 'test'));
    const both = await receiver.waitFor(2, ofCustomer);
    expect(both[1].json.data.balance).toBe('5.00');
    await settle();
    expect(receiver.received.filter(ofCustomer)).toHaveLength(2);
  });

  it('emits subscription.updated on create, on cancel, and on a status change from Invoicing (once)', async () => {
    const customer = await newCustomer();
    const sub = await subscribe(customer.id);
    const ofSub = (r: ReceivedWebhook) =>
      r.path === '/subscriptions' && r.json?.data?.subscriptionId === sub.id;

    const [created] = await receiver.waitFor(1, ofSub);
    expect(created.json).toMatchObject({
      type: 'subscription.updated',
      data: {
        subscriptionId: sub.id,
        customerId: customer.id,
        status: 'active',
        planId,
        planCode: 'starter',
        planVersion: 1,
        seats: 2,
        currentPeriodStart: sub.currentPeriodStart,
        currentPeriodEnd: sub.currentPeriodEnd,
        cancelAtPeriodEnd: false,
        canceledAt: null,
      },
    });

    const tenantId = asTenantId(owner.tenantId);
    await inCls(() => billing.setSubscriptionStatus(tenantId, sub.id, 'past_due'));
    await inCls(() => billing.setSubscriptionStatus(tenantId, sub.id, 'past_due')); // no change, no event
    await receiver.waitFor(2, ofSub);

    await owner
      .auth(t.http.post(`/api/v1/subscriptions/${sub.id}/cancel`))
      .send({ when: 'now' })
      .expect(200);
    const hooks = await receiver.waitFor(3, ofSub);
    expect(hooks.map((h) => h.json.data.status)).toEqual(['active', 'past_due', 'canceled']);
    expect(hooks[2].json.data.canceledAt).toEqual(expect.any(String));

    await settle();
    expect(receiver.received.filter(ofSub)).toHaveLength(3);
  });
});
