import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import Stripe from 'stripe';
import { FixedClock } from '../../src/shared/domain/clock.port';
import { SCOPES } from '../../src/shared/context/permissions';
import { PaymentGateway } from '../../src/shared/contracts/payment-gateway';
import { startTestApp, TestApp } from '../support/test-app';
import { until } from '../support/until';
import { AuthFn, createApiKey, isolatedEnv, signUp, withApiKey } from '../support/auth';
import { FakeStripe } from '../fakes/fake-stripe';
import { chargeObject, invoiceObject, stripeEvent } from '../fakes/stripe-events';

const SECRET = 'whsec_test_tollgate_refunds';

interface Org {
  auth: AuthFn;
  tenantId: string;
}

type InvoiceBody = {
  id: string;
  status: string;
  stripeInvoiceId: string;
  lines: { id: string; amount: string }[];
};

describe('Refunds and voids through Stripe', () => {
  const clock = new FixedClock(new Date('2026-03-01T00:00:00Z'));
  let t: TestApp;
  let db: Client;
  let dropDatabase: () => Promise<void>;
  const stripe = new FakeStripe();
  const orgs: Org[] = [];
  const org = () => orgs.pop()!;
  let now = 1_800_000_000;
  let stripePort = 0;

  beforeAll(async () => {
    const stripeApi = await stripe.start();
    stripePort = stripeApi.port;
    // Own database and queues: invoices here are dated by a moved clock.
    const isolated = await isolatedEnv('refunds');
    dropDatabase = isolated.drop;
    t = await startTestApp({
      workers: true,
      clock,
      env: {
        STRIPE_WEBHOOK_SECRET: SECRET,
        STRIPE_SECRET_KEY: 'sk_test_fake',
        STRIPE_API_BASE: stripeApi.url,
        STRIPE_TIMEOUT_MS: '2000',
        INVOICE_GRACE_PERIOD_HOURS: '0',
        ...isolated.env,
      },
    });
    db = new Client({ connectionString: isolated.env.DATABASE_URL });
    await db.connect();
    orgs.push(
      ...(await Promise.all(
        Array.from({ length: 7 }, async () => {
          const user = await signUp(t);
          const key = await createApiKey(t, user, [...SCOPES]);
          return { auth: withApiKey(key.key), tenantId: user.tenantId };
        }),
      )),
    );
  });
  afterAll(async () => {
    await db.end();
    await stripe.stop();
    await t.close();
    await dropDatabase();
  });

  const send = (type: string, object: Record<string, unknown>) => {
    const event = stripeEvent(type, object, (now += 10));
    const payload = JSON.stringify(event);
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    return t.http
      .post('/webhooks/stripe')
      .set('Stripe-Signature', header)
      .set('content-type', 'application/json')
      .send(payload)
      .expect(200)
      .then(() =>
        until(
          () =>
            db
              .query(`SELECT status FROM stripe_events WHERE stripe_event_id = $1`, [event.id])
              .then((r) => r.rows[0]?.status as string | undefined),
          (s) => !!s && s !== 'received',
        ),
      );
  };

  const refundPosts = () => stripe.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds');

  /** A finalized invoice of 20 (USD unless told), pushed to Stripe (grace 0: finalized as soon as it is written). */
  async function pushedInvoice(a: Org, currency = 'USD'): Promise<InvoiceBody> {
    const customer = await a
      .auth(t.http.post('/api/v1/customers'))
      .send({ name: 'Globex', currency, timezone: 'UTC', taxRate: '0' })
      .expect(201);
    const plan = await a
      .auth(t.http.post('/api/v1/plans'))
      .send({
        code: `p-${randomBytes(3).toString('hex')}`,
        name: 'Pro',
        currency,
        interval: 'month',
        charges: [{ kind: 'base', name: 'Platform fee', amount: '20', timing: 'arrears' }],
      })
      .expect(201);
    const sub = await a
      .auth(t.http.post('/api/v1/subscriptions'))
      .send({ customerId: customer.body.id, planId: plan.body.id })
      .expect(201);
    await a.auth(t.http.put(`/api/v1/customers/${customer.body.id}/payment-customer`)).expect(200);
    const periodEnd = new Date(sub.body.currentPeriodEnd).getTime();
    clock.set(new Date(Math.max(clock.now().getTime(), periodEnd) + 1000));
    await a.auth(t.http.post('/api/v1/invoices/runs')).send({}).expect(202);
    const [invoice] = await until(
      () => a.auth(t.http.get('/api/v1/invoices')).then((r) => r.body.items as InvoiceBody[]),
      // Pushed to Stripe right after finalizing, once the invoice is committed.
      (items) => items.length === 1 && items[0].status === 'finalized' && !!items[0].stripeInvoiceId,
    );
    expect(invoice.stripeInvoiceId).toMatch(/^in_/);
    return invoice;
  }

  /** Paid at Stripe, and the invoice.paid webhook applied. */
  async function paidInvoice(a: Org, currency = 'USD'): Promise<InvoiceBody> {
    const invoice = await pushedInvoice(a, currency);
    stripe.markPaid(invoice.stripeInvoiceId);
    const status = await send('invoice.paid', invoiceObject(stripe, invoice.stripeInvoiceId));
    expect(status).toBe('processed');
    return { ...invoice, status: 'paid' };
  }

  it('refunds a credit note once, in minor units, even when Stripe’s answer is lost and everything is retried', async () => {
    const a = org();
    const invoice = await paidInvoice(a);
    const before = refundPosts().length;
    // Stripe refunds but the answer is lost: the SDK retries with the same Idempotency-Key.
    stripe.loseNextResponse('POST /v1/refunds');
    const note = await a
      .auth(t.http.post(`/api/v1/invoices/${invoice.id}/credit-notes`))
      .send({
        reason: 'Outage',
        method: 'refund',
        lines: [{ invoiceLineId: invoice.lines[0].id, amount: '12.34' }],
      })
      .expect(201);
    expect(note.body).toMatchObject({ refundStatus: 'succeeded', refundId: expect.stringMatching(/^re_/) });
    expect(refundPosts().length - before).toBe(2); // the lost one and its retry
    const refunds = [...stripe.refunds.values()].filter((r) => r.id === note.body.refundId);
    expect(stripe.refunds.size).toBe(1);
    expect(refunds[0]).toMatchObject({ amount: 1234, reason: 'requested_by_customer' });
    expect(new Set(refundPosts().map((r) => r.idempotencyKey))).toEqual(new Set([`refund-${note.body.id}`]));

    // Retrying the refund (endpoint or gateway, same key) changes nothing at Stripe.
    const again = await a.auth(t.http.post(`/api/v1/credit-notes/${note.body.id}/refund`)).expect(200);
    expect(again.body).toMatchObject({ refundStatus: 'succeeded', refundId: note.body.refundId });
    const direct = await t.app.get(PaymentGateway).refundInvoicePayment({
      tenantId: a.tenantId,
      externalInvoiceId: invoice.stripeInvoiceId,
      amount: '12.34',
      currency: 'USD',
      reason: 'retry',
      idempotencyKey: `refund-${note.body.id}`,
      creditNoteId: note.body.id,
    });
    expect(direct.refundId).toBe(note.body.refundId);
    expect(stripe.refunds.size).toBe(1);

    // Stripe's later charge.refunded is a no-op for the already refunded credit note.
    const row = () =>
      db
        .query(`SELECT refund_status, refund_id, updated_at FROM credit_notes WHERE id = $1`, [note.body.id])
        .then((r) => r.rows[0]);
    const settled = await row();
    const charge = stripe.refunds.get(note.body.refundId)!.charge as string;
    expect(await send('charge.refunded', chargeObject(stripe, charge))).toBe('processed');
    expect(await row()).toEqual(settled);
    expect(stripe.refunds.size).toBe(1);

    // Another tenant cannot see or retry it.
    await org()
      .auth(t.http.post(`/api/v1/credit-notes/${note.body.id}/refund`))
      .expect(404);
  });

  it('refuses a KWD refund that rounds down to 0 at Stripe (400 before any credit note), as Stripe refuses amount 0', async () => {
    const a = org();
    const invoice = await paidInvoice(a, 'KWD');
    const before = { posts: refundPosts().length, refunds: stripe.refunds.size };
    // Stripe moves KWD in steps of 0.010 and refunds round down (never more than asked): 0.009 moves nothing.
    const refused = await a
      .auth(t.http.post(`/api/v1/invoices/${invoice.id}/credit-notes`))
      .send({
        reason: 'Rounding',
        method: 'refund',
        lines: [{ invoiceLineId: invoice.lines[0].id, amount: '0.009' }],
      })
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'refund_below_gateway_minimum' });
    expect(refused.body.detail).toMatch(/0\.009 KWD rounds down to 0/);
    expect(refundPosts().length).toBe(before.posts);
    const notes = await db.query(`SELECT count(*)::int AS n FROM credit_notes WHERE invoice_id = $1`, [
      invoice.id,
    ]);
    expect(notes.rows[0].n).toBe(0);

    // What Tollgate spares the customer: the same refund sent as is, Stripe refuses amount 0.
    const sdk = new Stripe('sk_test_fake', {
      host: '127.0.0.1',
      port: stripePort,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    const paid = stripe.invoices.get(invoice.stripeInvoiceId)!;
    const paymentIntent = paid.payments.data[0].payment.payment_intent as string;
    await expect(sdk.refunds.create({ payment_intent: paymentIntent, amount: 0 })).rejects.toMatchObject({
      statusCode: 400,
      code: 'parameter_invalid_integer',
    });

    // 0.010 is the smallest refund Stripe moves; the wallet takes smaller corrections.
    const refunded = await a
      .auth(t.http.post(`/api/v1/invoices/${invoice.id}/credit-notes`))
      .send({
        reason: 'Rounding',
        method: 'refund',
        lines: [{ invoiceLineId: invoice.lines[0].id, amount: '0.010' }],
      })
      .expect(201);
    expect(refunded.body).toMatchObject({ refundStatus: 'succeeded', total: '0.010' });
    expect(stripe.refunds.get(refunded.body.refundId)).toMatchObject({ amount: 10, currency: 'kwd' });
    await a
      .auth(t.http.post(`/api/v1/invoices/${invoice.id}/credit-notes`))
      .send({
        reason: 'Rounding',
        method: 'credit',
        lines: [{ invoiceLineId: invoice.lines[0].id, amount: '0.004' }],
      })
      .expect(201);
  });

  it('asks Stripe about an event before its transaction: the event row is not locked while Stripe answers', async () => {
    const a = org();
    const invoice = await paidInvoice(a);
    const note = await a
      .auth(t.http.post(`/api/v1/invoices/${invoice.id}/credit-notes`))
      .send({
        reason: 'Outage',
        method: 'refund',
        lines: [{ invoiceLineId: invoice.lines[0].id, amount: '1.00' }],
      })
      .expect(201);
    const charge = stripe.refunds.get(note.body.refundId)!.charge as string;
    // While Stripe lists the charge's refunds, try the event row's lock: a transaction holding it answers 55P03.
    const whileStripeAnswers: string[] = [];
    stripe.beforeAnswer = async (route) => {
      if (route !== 'GET /v1/refunds') return;
      whileStripeAnswers.push(
        await db.query(`SELECT 1 FROM stripe_events WHERE status = 'received' FOR UPDATE NOWAIT`).then(
          (r) => `unlocked (${r.rowCount} waiting)`,
          (e: { code?: string }) => (e.code === '55P03' ? 'locked' : String(e)),
        ),
      );
    };
    try {
      expect(await send('charge.refunded', chargeObject(stripe, charge))).toBe('processed');
    } finally {
      stripe.beforeAnswer = undefined;
    }
    expect(whileStripeAnswers).toEqual(['unlocked (1 waiting)']);
  });

  it('keeps a refund Stripe could not take as failed and retryable, and refunds once on retry', async () => {
    const a = org();
    const invoice = await paidInvoice(a);
    const refundsBefore = stripe.refunds.size;
    stripe.failNext = 50;
    const note = await a
      .auth(t.http.post(`/api/v1/invoices/${invoice.id}/credit-notes`))
      .send({ reason: 'Cancelled', method: 'refund' })
      .expect(201);
    stripe.failNext = 0;
    expect(note.body).toMatchObject({
      refundStatus: 'failed',
      refundId: null,
      refundError: expect.stringMatching(/Stripe/),
    });
    expect(stripe.refunds.size).toBe(refundsBefore);

    const [first, second] = await Promise.all([
      a.auth(t.http.post(`/api/v1/credit-notes/${note.body.id}/refund`)),
      a.auth(t.http.post(`/api/v1/credit-notes/${note.body.id}/refund`)),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const after = await a.auth(t.http.get(`/api/v1/credit-notes/${note.body.id}`)).expect(200);
    expect(after.body).toMatchObject({ refundStatus: 'succeeded', refundError: null });
    const mine = [...stripe.refunds.values()].filter(
      (r) => r.metadata?.tollgate_idempotency_key === `refund-${note.body.id}`,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0].amount).toBe(2000);
  });

  it('voids a pushed invoice at Stripe too, and leaves it untouched when Stripe refuses', async () => {
    const a = org();
    const invoice = await pushedInvoice(a);
    const voided = await a.auth(t.http.post(`/api/v1/invoices/${invoice.id}/void`)).expect(200);
    expect(voided.body.status).toBe('void');
    expect(stripe.invoices.get(invoice.stripeInvoiceId)!.status).toBe('void');
    const voidPosts = () =>
      stripe.requests.filter((r) => r.path === `/v1/invoices/${invoice.stripeInvoiceId}/void`);
    expect(voidPosts().map((r) => r.idempotencyKey)).toEqual([`void-${invoice.id}`]);
    await a.auth(t.http.post(`/api/v1/invoices/${invoice.id}/void`)).expect(200);
    expect(voidPosts()).toHaveLength(1);

    // Paid at Stripe before its webhook arrived: Stripe refuses the void, so nothing changes here.
    const b = org();
    const paidThere = await pushedInvoice(b);
    stripe.markPaid(paidThere.stripeInvoiceId);
    const refused = await b.auth(t.http.post(`/api/v1/invoices/${paidThere.id}/void`)).expect(502);
    expect(refused.body.code).toBe('payment_gateway_failed');
    const still = await b.auth(t.http.get(`/api/v1/invoices/${paidThere.id}`)).expect(200);
    expect(still.body.status).toBe('finalized');
  });
});
