"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_crypto_1 = require("node:crypto");
const pg_1 = require("pg");
const stripe_1 = __importDefault(require("stripe"));
const clock_port_1 = require("../../src/shared/domain/clock.port");
const permissions_1 = require("../../src/shared/context/permissions");
const test_app_1 = require("../support/test-app");
const auth_1 = require("../support/auth");
const fake_webhook_receiver_1 = require("../fakes/fake-webhook-receiver");
const fake_stripe_1 = require("../fakes/fake-stripe");
const SECRET = 'whsec_test_tollgate_stripe_secret';
const PROBLEM = /application\/problem\+json/;
async function until(fn, ok, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const v = await fn();
        if (ok(v) || Date.now() > deadline)
            return v;
        await new Promise((r) => setTimeout(r, 100));
    }
}
const stripeEvent = (type, object, created) => ({
    id: `evt_${(0, node_crypto_1.randomBytes)(10).toString('hex')}`,
    object: 'event',
    api_version: '2025-10-29.clover',
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
});
describe('Stripe webhooks', () => {
    const clock = new clock_port_1.FixedClock(new Date('2026-03-01T00:00:00Z'));
    let t;
    let unconfigured;
    let db;
    let receiver;
    const stripe = new fake_stripe_1.FakeStripe();
    const orgs = [];
    const org = () => orgs.pop();
    let now = 1_800_000_000;
    const tick = () => (now += 10);
    let dropDatabase;
    beforeAll(async () => {
        const stripeApi = await stripe.start();
        const isolated = await (0, auth_1.isolatedEnv)('stripe');
        dropDatabase = isolated.drop;
        t = await (0, test_app_1.startTestApp)({
            workers: true,
            clock,
            env: {
                STRIPE_WEBHOOK_SECRET: SECRET,
                STRIPE_SECRET_KEY: 'sk_test_fake',
                STRIPE_API_BASE: stripeApi.url,
                STRIPE_TIMEOUT_MS: '2000',
                INVOICE_GRACE_PERIOD_HOURS: '0',
                WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
                ...isolated.env,
            },
        });
        unconfigured = await (0, test_app_1.startTestApp)({
            env: {
                ...isolated.env,
                MIGRATIONS_RUN: 'false',
                REDIS_KEY_PREFIX: `${isolated.env.REDIS_KEY_PREFIX}_off`,
            },
        });
        db = new pg_1.Client({ connectionString: isolated.env.DATABASE_URL });
        await db.connect();
        receiver = await new fake_webhook_receiver_1.FakeWebhookReceiver().start();
        orgs.push(...(await Promise.all(Array.from({ length: 8 }, async () => {
            const user = await (0, auth_1.signUp)(t);
            const key = await (0, auth_1.createApiKey)(t, user, [...permissions_1.SCOPES]);
            return { auth: (0, auth_1.withApiKey)(key.key), tenantId: user.tenantId };
        }))));
    });
    afterAll(async () => {
        await db.end();
        await receiver.close();
        await stripe.stop();
        await t.close();
        await unconfigured.close();
        await dropDatabase();
    });
    const send = (event, secret = SECRET, timestamp) => {
        const payload = JSON.stringify(event);
        const header = stripe_1.default.webhooks.generateTestHeaderString({
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
    const processed = (eventId) => until(() => db
        .query(`SELECT status, error FROM stripe_events WHERE stripe_event_id = $1`, [eventId])
        .then((r) => r.rows[0]), (row) => row && row.status !== 'received');
    async function customerAndSubscription(a) {
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
            customerId: customer.body.id,
            subscriptionId: sub.body.id,
            periodEnd: new Date(sub.body.currentPeriodEnd),
        };
    }
    async function finalizedInvoice(a, opts = {}) {
        const s = await customerAndSubscription(a);
        if (opts.linkStripe)
            await a.auth(t.http.put(`/api/v1/customers/${s.customerId}/payment-customer`)).expect(200);
        clock.set(new Date(Math.max(clock.now().getTime(), s.periodEnd.getTime()) + 1000));
        await a.auth(t.http.post('/api/v1/invoices/runs')).send({}).expect(202);
        const [invoice] = await until(() => a
            .auth(t.http.get('/api/v1/invoices'))
            .then((r) => r.body.items), (items) => items.length === 1 && items[0].status === 'finalized');
        return { ...s, invoice };
    }
    it('refuses bad, missing and stale signatures with 400, and unconfigured intake with 503', async () => {
        const event = stripeEvent('invoice.paid', { id: 'in_1', object: 'invoice' }, tick());
        const bad = await send(event, 'whsec_wrong').expect(400);
        expect(bad.headers['content-type']).toMatch(PROBLEM);
        expect(bad.body.code).toBe('invalid_stripe_signature');
        await t.http
            .post('/webhooks/stripe')
            .set('content-type', 'application/json')
            .send(JSON.stringify(event))
            .expect(400);
        await send(event, SECRET, Math.floor(Date.now() / 1000) - 3600).expect(400);
        const stored = await db.query(`SELECT count(*)::int AS n FROM stripe_events WHERE stripe_event_id = $1`, [
            event.id,
        ]);
        expect(stored.rows[0].n).toBe(0);
        const payload = JSON.stringify(event);
        const header = stripe_1.default.webhooks.generateTestHeaderString({ payload, secret: SECRET });
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
            id: `cs_test_${(0, node_crypto_1.randomBytes)(6).toString('hex')}`,
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
        const failed = stripeEvent('customer.subscription.updated', {
            id: `sub_${(0, node_crypto_1.randomBytes)(6).toString('hex')}`,
            object: 'subscription',
            status: 'past_due',
            metadata: { tenant_id: a.tenantId, tollgate_subscription_id: subscriptionId },
        }, tick());
        await send(failed).expect(200);
        expect(await processed(failed.id)).toMatchObject({ status: 'processed' });
        const completed = stripeEvent('checkout.session.completed', {
            id: `cs_test_${(0, node_crypto_1.randomBytes)(6).toString('hex')}`,
            object: 'checkout.session',
            mode: 'setup',
            status: 'complete',
            metadata: {
                tenant_id: a.tenantId,
                purpose: 'subscription_payment_setup',
                tollgate_subscription_id: subscriptionId,
            },
        }, tick());
        await send(completed).expect(200);
        expect(await processed(completed.id)).toMatchObject({ status: 'processed' });
        const sub = await a.auth(t.http.get(`/api/v1/subscriptions/${subscriptionId}`)).expect(200);
        expect(sub.body.status).toBe('active');
    });
    it('applies subscription events in order and never lets an older one move the state back', async () => {
        const a = org();
        const { subscriptionId } = await customerAndSubscription(a);
        const stripeSub = (status) => ({
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
        const stripeInvoice = (status) => ({
            id: `in_${(0, node_crypto_1.randomBytes)(6).toString('hex')}`,
            object: 'invoice',
            created: 1_700_000_000,
            status,
            status_transitions: { paid_at: now },
            metadata: { tenant_id: a.tenantId, tollgate_invoice_id: invoice.id },
        });
        const paidObject = stripeInvoice('paid');
        const finalizedEvent = stripeEvent('invoice.finalized', { ...paidObject, status: 'open' }, tick());
        const paidEvent = stripeEvent('invoice.paid', paidObject, tick());
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
    it('puts the subscription past_due on a failed payment and back to active when paid by payment intent', async () => {
        const a = org();
        const { invoice, subscriptionId } = await finalizedInvoice(a);
        const md = { tenant_id: a.tenantId, tollgate_invoice_id: invoice.id };
        const failed = stripeEvent('invoice.payment_failed', { id: `in_${(0, node_crypto_1.randomBytes)(6).toString('hex')}`, object: 'invoice', status: 'open', metadata: md }, tick());
        await send(failed).expect(200);
        expect(await processed(failed.id)).toMatchObject({ status: 'processed' });
        let sub = await a.auth(t.http.get(`/api/v1/subscriptions/${subscriptionId}`)).expect(200);
        expect(sub.body.status).toBe('past_due');
        const succeeded = stripeEvent('payment_intent.succeeded', {
            id: `pi_${(0, node_crypto_1.randomBytes)(6).toString('hex')}`,
            object: 'payment_intent',
            status: 'succeeded',
            metadata: md,
        }, tick());
        await send(succeeded).expect(200);
        expect(await processed(succeeded.id)).toMatchObject({ status: 'processed' });
        const paid = await a.auth(t.http.get(`/api/v1/invoices/${invoice.id}`)).expect(200);
        expect(paid.body.status).toBe('paid');
        sub = await a.auth(t.http.get(`/api/v1/subscriptions/${subscriptionId}`)).expect(200);
        expect(sub.body.status).toBe('active');
    });
    it('marks a credit note refund as succeeded on charge.refunded', async () => {
        const a = org();
        const { invoice } = await finalizedInvoice(a);
        const note = await a
            .auth(t.http.post(`/api/v1/invoices/${invoice.id}/credit-notes`))
            .send({ reason: 'Refund requested', method: 'refund' })
            .expect(201);
        const refunded = stripeEvent('charge.refunded', {
            id: `ch_${(0, node_crypto_1.randomBytes)(6).toString('hex')}`,
            object: 'charge',
            refunded: true,
            metadata: { tenant_id: a.tenantId, tollgate_credit_note_id: note.body.id },
        }, tick());
        await send(refunded).expect(200);
        expect(await processed(refunded.id)).toMatchObject({ status: 'processed' });
        const after = await a.auth(t.http.get(`/api/v1/credit-notes/${note.body.id}`)).expect(200);
        expect(after.body.refundStatus).toBe('succeeded');
    });
    it('pushes a finalized invoice to Stripe and marks it paid from the linked Stripe invoice', async () => {
        const a = org();
        const { invoice } = await finalizedInvoice(a, { linkStripe: true });
        expect(invoice).toMatchObject({
            collectionMethod: 'stripe',
            stripeInvoiceId: expect.stringMatching(/^in_/),
        });
        const pushed = stripe.invoices.get(invoice.stripeInvoiceId);
        expect(pushed.metadata).toMatchObject({ tollgate_invoice_id: invoice.id, tenant_id: a.tenantId });
        const paid = stripeEvent('invoice.paid', { id: invoice.stripeInvoiceId, object: 'invoice', status: 'paid', metadata: {} }, tick());
        await send(paid).expect(200);
        expect(await processed(paid.id)).toMatchObject({ status: 'processed' });
        const after = await a.auth(t.http.get(`/api/v1/invoices/${invoice.id}`)).expect(200);
        expect(after.body.status).toBe('paid');
    });
});
//# sourceMappingURL=stripe-webhooks.e2e-spec.js.map