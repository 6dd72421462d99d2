import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import Stripe from 'stripe';
import { FixedClock } from '../../src/shared/domain/clock.port';
import { SCOPES } from '../../src/shared/context/permissions';
import { startTestApp, TestApp } from '../support/test-app';
import { until } from '../support/until';
import { AuthFn, createApiKey, isolatedEnv, signUp, withApiKey } from '../support/auth';
import { FakeWebhookReceiver } from '../fakes/fake-webhook-receiver';
import { FakeStripe } from '../fakes/fake-stripe';
import {
  chargeObject,
  invoiceObject,
  paymentIntentObject,
  refundObject,
  stripeEvent,
} from '../fakes/stripe-events';

const SECRET = 'whsec_test_tollgate_stripe_secret';
const PROBLEM = /application\/problem\+json/;

interface Org {
  auth: AuthFn;
  tenantId: string;
  email: string;
}

describe('Stripe webhooks', () => {
  const clock = new FixedClock(new Date('2026-03-01T00:00:00Z'));
  let t: TestApp;
  // Without STRIPE_WEBHOOK_SECRET. Closed only at the end: @nestjs-cls/transactional keeps one static
  // TransactionHost per process, so closing an app early pulls the connection from under the other.
  let unconfigured: TestApp;
  let db: Client;
  let receiver: FakeWebhookReceiver;
  const stripe = new FakeStripe();
  const orgs: Org[] = [];
  const org = () => orgs.pop()!;
  let now = 1_800_000_000;
  const tick = () => (now += 10);

  let dropDatabase: () => Promise<void>;

  beforeAll(async () => {
    const stripeApi = await stripe.start();
    // Own database and queues: subscriptions here are dated by a moved clock, and another file's hourly
    // invoice run (real clock) must not invoice them.
    const isolated = await isolatedEnv('stripe');
    dropDatabase = isolated.drop;
    t = await startTestApp({
      workers: true,
      clock,
      env: {
        STRIPE_WEBHOOK_SECRET: SECRET,
        STRIPE_SECRET_KEY: 'sk_test_fake',
        STRIPE_API_BASE: stripeApi.url,
        INVOICE_GRACE_PERIOD_HOURS: '0',
        OUTBOUND_ALLOW_PRIVATE_ADDRESSES: 'true',
        ...isolated.env,
      },
    });
    unconfigured = await startTestApp({
      env: {
        ...isolated.env,
        MIGRATIONS_RUN: 'false',
        REDIS_KEY_PREFIX: `${isolated.env.REDIS_KEY_PREFIX}_off`,
      },
    });
    db = new Client({ connectionString: isolated.env.DATABASE_URL });
    await db.connect();
    receiver = await new FakeWebhookReceiver().start();
    orgs.push(
      ...(await Promise.all(
        Array.from({ length: 8 }, async () => {
          const user = await signUp(t);
          const key = await createApiKey(t, user, [...SCOPES]);
          return { auth: withApiKey(key.key), tenantId: user.tenantId, email: user.email };
        }),
      )),
    );
  });
  afterAll(async () => {
    await db.end();
    await receiver.close();
    await stripe.stop();
    await t.close();
    await unconfigured.close();
    await dropDatabase();
  });

  const send = (event: object, secret = SECRET, timestamp?: number) => {
    const payload = JSON.stringify(event);
    const header = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret,
      ...(timestamp ? { timestamp } : {}),
    });
    return t.http
      .post('/webhooks/stripe')
      .set('Stripe-Signature', header)
      .set('content-type', 'application/json')
      .send(payload);
  };
  const processed = (eventId: string) =>
    until(
      () =>
        db
          .query(`SELECT status, error FROM stripe_events WHERE stripe_event_id = $1`, [eventId])
          .then((r) => r.rows[0]),
      (row) => row && row.status !== 'received',
    );

  async function customerAndSubscription(a: Org) {
    const customer = await a
      .auth(t.http.post('/api/v1/customers'))
      .send({ name: 'Globex', currency: 'USD', timezone: 'UTC', taxRate: '0' })
      .expect(201);
    const plan = await a
      .auth(t.http.post('/api/v1/plans'))
      .send({
        code: `p-${Math.random().toString(36).slice(2, 8)}`,
        name: 'Pro',
        currency: 'USD',
        interval: 'month',
        charges: [{ kind: 'base', name: 'Platform fee', amount: '20.00', timing: 'arrears' }],
      })
      .expect(201);
    const sub = await a
      .auth(t.http.post('/api/v1/subscriptions'))
      .send({ customerId: customer.body.id, planId: plan.body.id })
      .expect(201);
    return {
      customerId: customer.body.id as string,
      subscriptionId: sub.body.id as string,
      periodEnd: new Date(sub.body.currentPeriodEnd),
    };
  }

  /**
   * A finalized invoice (grace 0: finalized as soon as it is written). With a linked Stripe customer, also
   * pushed: the push runs after the finalizing commit, so `finalized` alone does not mean it has ended.
   */
  async function finalizedInvoice(a: Org, opts: { linkStripe?: boolean } = {}) {
    const s = await customerAndSubscription(a);
    if (opts.linkStripe)
      await a.auth(t.http.put(`/api/v1/customers/${s.customerId}/payment-customer`)).expect(200);
    clock.set(new Date(Math.max(clock.now().getTime(), s.periodEnd.getTime()) + 1000));
    await a.auth(t.http.post('/api/v1/invoices/runs')).send({}).expect(202);
    const [invoice] = await until(
      () =>
        a
          .auth(t.http.get('/api/v1/invoices'))
          .then(
            (r) =>
              r.body.items as { id: string; status: string; lines: { id: string }[]; [k: string]: unknown }[],
          ),
      // Pushed to Stripe right after finalizing, once the invoice is committed.
      (items) =>
        items.length === 1 &&
        items[0].status === 'finalized' &&
        (!opts.linkStripe || !!items[0].stripeInvoiceId),
    );
    return { ...s, invoice };
  }

  it('refuses bad, missing and stale signatures with 400, and unconfigured intake with 503', async () => {
    const stripeInvoice = stripe.addInvoice({ amount: 2000, currency: 'usd', description: 'Consulting' });
    const event = stripeEvent('invoice.paid', invoiceObject(stripe, stripeInvoice, 'paid'), tick());
    const bad = await send(event, 'whsec_wrong').expect(400);
    expect(bad.headers['content-type']).toMatch(PROBLEM);
    expect(bad.body.code).toBe('invalid_stripe_signature');
    await t.http
      .post('/webhooks/stripe')
      .set('content-type', 'application/json')
      .send(JSON.stringify(event))
      .expect(400);
    const stale = await send(event, SECRET, Math.floor(Date.now() / 1000) - 3600).expect(400);
    expect(stale.body).toMatchObject({ code: 'stale_stripe_signature' });
    expect(stale.body.detail).toMatch(/timestamp is outside the tolerance \(\d+ s\)/);
    // The tolerance applies both ways: a timestamp an hour ahead is no fresher than one an hour old.
    const future = await send(event, SECRET, Math.floor(Date.now() / 1000) + 3600).expect(400);
    expect(future.body).toMatchObject({ code: 'stale_stripe_signature' });
    const stored = await db.query(`SELECT count(*)::int AS n FROM stripe_events WHERE stripe_event_id = $1`, [
      event.id,
    ]);
    expect(stored.rows[0].n).toBe(0);

    const payload = JSON.stringify(event);
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    await unconfigured.http
      .post('/webhooks/stripe')
      .set('Stripe-Signature', header)
      .set('content-type', 'application/json')
      .send(payload)
      .expect(503);
  });

  it('stores and ignores unknown event types', async () => {
    const event = stripeEvent('customer.tax_id.created', { id: 'txi_1', object: 'tax_id' }, tick());
    const res = await send(event).expect(200);
    expect(res.body).toEqual({ received: true, duplicate: false });
    expect(await processed(event.id)).toMatchObject({ status: 'ignored' });
  });

  it('grants a Checkout credit top-up once when the same event arrives 5 times at once', async () => {
    const a = org();
    const { customerId } = await customerAndSubscription(a);
    const session = {
      id: `cs_test_${randomBytes(6).toString('hex')}`,
      object: 'checkout.session',
      created: now,
      mode: 'payment',
      payment_status: 'paid',
      status: 'complete',
      metadata: {
        tenant_id: a.tenantId,
        tollgate_customer_id: customerId,
        purpose: 'credit_top_up',
        credit_amount: '25.00',
      },
    };
    const event = stripeEvent('checkout.session.completed', session, tick());
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(event)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((r) => r.body.duplicate === false)).toHaveLength(1);
    expect(await processed(event.id)).toMatchObject({ status: 'processed' });
    await send(event).expect(200);
    await new Promise((r) => setTimeout(r, 300));
    const credits = await a.auth(t.http.get(`/api/v1/customers/${customerId}/credits`)).expect(200);
    expect(credits.body.balance).toBe('25');
  });

  it('activates a subscription when its Checkout session completes', async () => {
    const a = org();
    const { subscriptionId } = await customerAndSubscription(a);
    const failed = stripeEvent(
      'customer.subscription.updated',
      {
        id: `sub_${randomBytes(6).toString('hex')}`,
        object: 'subscription',
        status: 'past_due',
        metadata: { tenant_id: a.tenantId, tollgate_subscription_id: subscriptionId },
      },
      tick(),
    );
    await send(failed).expect(200);
    expect(await processed(failed.id)).toMatchObject({ status: 'processed' });
    const completed = stripeEvent(
      'checkout.session.completed',
      {
        id: `cs_test_${randomBytes(6).toString('hex')}`,
        object: 'checkout.session',
        mode: 'setup',
        status: 'complete',
        metadata: {
          tenant_id: a.tenantId,
          purpose: 'subscription_payment_setup',
          tollgate_subscription_id: subscriptionId,
        },
      },
      tick(),
    );
    await send(completed).expect(200);
    expect(await processed(completed.id)).toMatchObject({ status: 'processed' });
    const sub = await a.auth(t.http.get(`/api/v1/subscriptions/${subscriptionId}`)).expect(200);
    expect(sub.body.status).toBe('active');
  });

  it('applies subscription events in order and never lets an older one move the state back', async () => {
    const a = org();
    const { subscriptionId } = await customerAndSubscription(a);
    const stripeSub = (status: string) => ({
      id: 'sub_test_1' + a.tenantId.slice(0, 8),
      object: 'subscription',
      created: 1_700_000_000,
      status,
      metadata: { tenant_id: a.tenantId, tollgate_subscription_id: subscriptionId },
    });
    const created = stripeEvent('customer.subscription.created', stripeSub('trialing'), tick());
    await send(created).expect(200);
    expect(await processed(created.id)).toMatchObject({ status: 'processed' });
    const older = stripeEvent('customer.subscription.updated', stripeSub('active'), tick());
    const newer = stripeEvent('customer.subscription.updated', stripeSub('past_due'), tick());
    await send(newer).expect(200);
    expect(await processed(newer.id)).toMatchObject({ status: 'processed' });
    await send(older).expect(200);
    expect(await processed(older.id)).toMatchObject({ status: 'ignored' });
    let sub = await a.auth(t.http.get(`/api/v1/subscriptions/${subscriptionId}`)).expect(200);
    expect(sub.body.status).toBe('past_due');

    const deleted = stripeEvent('customer.subscription.deleted', stripeSub('canceled'), tick());
    await send(deleted).expect(200);
    expect(await processed(deleted.id)).toMatchObject({ status: 'processed' });
    const revived = stripeEvent('customer.subscription.updated', stripeSub('active'), tick());
    await send(revived).expect(200);
    expect(await processed(revived.id)).toMatchObject({ status: 'ignored' });
    sub = await a.auth(t.http.get(`/api/v1/subscriptions/${subscriptionId}`)).expect(200);
    expect(sub.body.status).toBe('canceled');
  });

  it('ends paid when invoice.paid arrives before invoice.finalized, and emits invoice.paid once for 5 duplicates', async () => {
    const a = org();
    await a
      .auth(t.http.post('/api/v1/webhook-endpoints'))
      .send({ url: `${receiver.url}/paid`, eventTypes: ['invoice.paid'] })
      .expect(201);
    const { invoice } = await finalizedInvoice(a);
    // Made at Stripe, not pushed by Tollgate: only its metadata names the invoice.
    const stripeInvoice = stripe.addInvoice({
      amount: 5390,
      currency: 'usd',
      description: 'Platform fee',
      metadata: { tenant_id: a.tenantId, tollgate_invoice_id: invoice.id },
    });
    const finalizedEvent = stripeEvent(
      'invoice.finalized',
      invoiceObject(stripe, stripeInvoice, 'open'),
      tick(),
    );
    const paidEvent = stripeEvent('invoice.paid', invoiceObject(stripe, stripeInvoice, 'paid'), tick());

    await Promise.all(Array.from({ length: 5 }, () => send(paidEvent).expect(200)));
    expect(await processed(paidEvent.id)).toMatchObject({ status: 'processed' });
    await send(finalizedEvent).expect(200);
    expect(await processed(finalizedEvent.id)).toMatchObject({ status: 'ignored' });

    const after = await a.auth(t.http.get(`/api/v1/invoices/${invoice.id}`)).expect(200);
    expect(after.body).toMatchObject({ status: 'paid' });
    expect(after.body.paidAt).not.toBeNull();
    await receiver.waitFor(1, (r) => r.path === '/paid');
    await new Promise((r) => setTimeout(r, 1500));
    const hooks = receiver.received.filter((r) => r.path === '/paid');
    expect(hooks).toHaveLength(1);
    expect(hooks[0].json.data).toMatchObject({ invoiceId: invoice.id, status: 'paid' });
  });

  /** The invoice's payment at Stripe, reported as Stripe reports it: a payment intent with no link of ours. */
  async function paidByPaymentIntent(a: Org) {
    const s = await finalizedInvoice(a, { linkStripe: true });
    stripe.markPaid(s.invoice.stripeInvoiceId as string);
    const paymentIntentId = stripe.invoices.get(s.invoice.stripeInvoiceId as string)!.payments.data[0].payment
      .payment_intent as string;
    const succeeded = stripeEvent(
      'payment_intent.succeeded',
      paymentIntentObject(stripe, paymentIntentId),
      tick(),
    );
    await send(succeeded).expect(200);
    return { ...s, paymentIntentId, processed: await processed(succeeded.id) };
  }

  it('puts the subscription past_due on a failed payment and back to active when its payment intent succeeds', async () => {
    const a = org();
    const { invoice, subscriptionId } = await finalizedInvoice(a, { linkStripe: true });
    // The pushed invoice carries Tollgate's metadata (tenant_id, tollgate_invoice_id), as Stripe sends it back.
    const failed = stripeEvent(
      'invoice.payment_failed',
      // The first collection attempt failed (attempt_count 1, attempted).
      {
        ...invoiceObject(stripe, invoice.stripeInvoiceId as string, 'open'),
        attempt_count: 1,
        attempted: true,
      },
      tick(),
    );
    await send(failed).expect(200);
    expect(await processed(failed.id)).toMatchObject({ status: 'processed' });
    let sub = await a.auth(t.http.get(`/api/v1/subscriptions/${subscriptionId}`)).expect(200);
    expect(sub.body.status).toBe('past_due');
    // The owner is mailed once per attempt: the same event delivered again, or the same attempt reported by
    // another event, adds nothing; Stripe's next attempt failing is mailed again.
    const failedMail = (m: { envelopeTo: string[]; subject: string }) =>
      m.envelopeTo.includes(a.email) && /Payment failed for invoice/.test(m.subject);
    await t.smtp.waitFor(failedMail);
    await send(failed).expect(200);
    const again = stripeEvent('invoice.payment_failed', failed.data.object, tick());
    await send(again).expect(200);
    await processed(again.id);
    await new Promise((r) => setTimeout(r, 1500));
    expect(t.smtp.received.filter(failedMail)).toHaveLength(1);
    const nextAttempt = stripeEvent(
      'invoice.payment_failed',
      { ...failed.data.object, attempt_count: 2 },
      tick(),
    );
    await send(nextAttempt).expect(200);
    expect(await processed(nextAttempt.id)).toMatchObject({ status: 'processed' });
    await t.smtp.waitFor(failedMail, 2, 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(t.smtp.received.filter(failedMail)).toHaveLength(2);

    // payment_intent.succeeded for an invoice names neither the invoice nor us: linked through Stripe's
    // invoice payments to the Stripe invoice id Tollgate stored when it pushed the invoice.
    stripe.markPaid(invoice.stripeInvoiceId as string);
    const pi = stripe.invoices.get(invoice.stripeInvoiceId as string)!.payments.data[0].payment
      .payment_intent;
    const succeeded = stripeEvent('payment_intent.succeeded', paymentIntentObject(stripe, pi), tick());
    await send(succeeded).expect(200);
    expect(await processed(succeeded.id)).toMatchObject({ status: 'processed' });
    const paid = await a.auth(t.http.get(`/api/v1/invoices/${invoice.id}`)).expect(200);
    expect(paid.body.status).toBe('paid');
    sub = await a.auth(t.http.get(`/api/v1/subscriptions/${subscriptionId}`)).expect(200);
    expect(sub.body.status).toBe('active');
  });

  it('follows a pending refund to succeeded (charge.refunded) and to failed (refund.updated)', async () => {
    const a = org();
    const { invoice, processed: paidEvent } = await paidByPaymentIntent(a);
    expect(paidEvent).toMatchObject({ status: 'processed' });
    stripe.refundStatus = 'pending';
    const refund = (amount: string) =>
      a
        .auth(t.http.post(`/api/v1/invoices/${invoice.id}/credit-notes`))
        .send({
          reason: 'Refund requested',
          method: 'refund',
          lines: [{ invoiceLineId: invoice.lines[0].id, amount }],
        })
        .expect(201)
        .then((r) => r.body);
    const first = await refund('5.00');
    const second = await refund('3.00');
    stripe.refundStatus = 'succeeded';
    expect([first.refundStatus, second.refundStatus]).toEqual(['pending', 'pending']);
    // Every refund Tollgate creates carries its ids.
    expect(stripe.refunds.get(first.refundId)!.metadata).toMatchObject({
      tenant_id: a.tenantId,
      tollgate_credit_note_id: first.id,
    });
    const note = (id: string) => a.auth(t.http.get(`/api/v1/credit-notes/${id}`)).then((r) => r.body);

    // charge.refunded carries the Charge only: its refunds are looked up by the charge, matched by refund id.
    stripe.setRefundStatus(first.refundId, 'succeeded');
    const charge = stripe.refunds.get(first.refundId)!.charge as string;
    const refunded = stripeEvent('charge.refunded', chargeObject(stripe, charge), tick());
    await send(refunded).expect(200);
    expect(await processed(refunded.id)).toMatchObject({ status: 'processed' });
    expect(await note(first.id)).toMatchObject({ refundStatus: 'succeeded' });
    expect(await note(second.id)).toMatchObject({ refundStatus: 'pending' });

    // refund.updated carries the Refund: linked by the refund id stored on the credit note.
    stripe.setRefundStatus(second.refundId, 'failed', 'expired_or_canceled_card');
    const updated = stripeEvent('refund.updated', refundObject(stripe, second.refundId), tick());
    await send(updated).expect(200);
    expect(await processed(updated.id)).toMatchObject({ status: 'processed' });
    expect(await note(second.id)).toMatchObject({
      refundStatus: 'failed',
      refundError: expect.stringMatching(/expired_or_canceled_card/),
    });
    // A late, older refund.updated (still pending) does not move it back.
    const stale = stripeEvent(
      'refund.updated',
      { ...refundObject(stripe, second.refundId), status: 'pending' },
      tick() - 1000,
    );
    await send(stale).expect(200);
    await processed(stale.id);
    expect(await note(second.id)).toMatchObject({ refundStatus: 'failed' });
  });

  it('pushes a finalized invoice to Stripe and marks it paid from the linked Stripe invoice', async () => {
    const a = org();
    // A slow Stripe: the push ends well after the invoice is finalized (as on a loaded machine).
    stripe.latencyMs = 300;
    const { invoice } = await finalizedInvoice(a, { linkStripe: true }).finally(() => (stripe.latencyMs = 0));
    expect(invoice).toMatchObject({
      collectionMethod: 'stripe',
      stripeInvoiceId: expect.stringMatching(/^in_/),
    });
    const pushed = stripe.invoices.get(invoice.stripeInvoiceId as string)!;
    expect(pushed.metadata).toMatchObject({ tollgate_invoice_id: invoice.id, tenant_id: a.tenantId });
    // As Stripe shows it: numbered at finalization in the customer's own sequence, one line per pushed item.
    const atStripe = invoiceObject(stripe, invoice.stripeInvoiceId as string);
    expect(atStripe.number).toMatch(/^[0-9A-F]{8}-0001$/);
    expect(atStripe.lines.data).toMatchObject([
      {
        object: 'line_item',
        amount: 2000,
        currency: 'usd',
        description: 'Platform fee',
        parent: {
          type: 'invoice_item_details',
          invoice_item_details: { invoice_item: expect.stringMatching(/^ii_/) },
        },
      },
    ]);

    // Stripe's own event carries only its invoice id: the link finds the invoice (and its tenant).
    const paid = stripeEvent(
      'invoice.paid',
      { ...invoiceObject(stripe, invoice.stripeInvoiceId as string, 'paid'), metadata: {} },
      tick(),
    );
    await send(paid).expect(200);
    expect(await processed(paid.id)).toMatchObject({ status: 'processed' });
    const after = await a.auth(t.http.get(`/api/v1/invoices/${invoice.id}`)).expect(200);
    expect(after.body.status).toBe('paid');
  });
});
