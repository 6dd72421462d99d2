"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const nestjs_cls_1 = require("nestjs-cls");
const test_app_1 = require("../support/test-app");
const auth_1 = require("../support/auth");
const fake_webhook_receiver_1 = require("../fakes/fake-webhook-receiver");
const credits_use_case_1 = require("../../src/modules/billing/application/credits.use-case");
const billing_for_invoicing_1 = require("../../src/shared/contracts/billing-for-invoicing");
const ids_1 = require("../../src/shared/domain/ids");
const tenant_id_1 = require("../../src/shared/domain/tenant-id");
const SETTLE_MS = 1200;
const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));
describe('billing: outbound webhook events', () => {
    let t;
    let owner;
    let receiver;
    let billing;
    let inCls;
    let planId;
    const newCustomer = async () => (await owner
        .auth(t.http.post('/api/v1/customers'))
        .send({ name: 'Wallet Co', currency: 'USD', externalId: `ext-${(0, ids_1.newId)()}` })
        .expect(201)).body;
    const subscribe = async (customerId) => (await owner
        .auth(t.http.post('/api/v1/subscriptions'))
        .send({ customerId, planId, seats: 2 })
        .expect(201)).body;
    beforeAll(async () => {
        t = await (0, test_app_1.startTestApp)({
            workers: true,
            env: {
                WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
                CREDITS_LOW_THRESHOLD: '10',
                REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX}_billing_events`,
            },
        });
        receiver = await new fake_webhook_receiver_1.FakeWebhookReceiver().start();
        owner = await (0, auth_1.signUp)(t);
        billing = t.app.get(billing_for_invoicing_1.BillingForInvoicing);
        const cls = t.app.get(nestjs_cls_1.ClsService);
        inCls = (fn) => cls.run(fn);
        for (const [path, type] of [
            ['/credits', 'credits.low'],
            ['/subscriptions', 'subscription.updated'],
        ])
            await owner
                .auth(t.http.post('/api/v1/webhook-endpoints'))
                .send({ url: `${receiver.url}${path}`, eventTypes: [type] })
                .expect(201);
        planId = (await owner
            .auth(t.http.post('/api/v1/plans'))
            .send({
            code: 'starter',
            name: 'Starter',
            currency: 'USD',
            interval: 'month',
            charges: [{ kind: 'base', name: 'Starter base', amount: '20', timing: 'advance' }],
        })
            .expect(201)).body.id;
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
        const debit = t.app.get(credits_use_case_1.DebitCredits);
        const tenantId = (0, tenant_id_1.asTenantId)(owner.tenantId);
        await inCls(() => debit.execute(tenantId, customer.id, '1', 'manual:1', 'test'));
        const commit = () => inCls(() => billing.commitInvoicedPeriod({
            tenantId,
            subscriptionId: sub.id,
            periodStart: new Date(sub.currentPeriodStart),
            periodEnd: new Date(sub.currentPeriodEnd),
            invoiceId: (0, ids_1.newId)(),
            creditsToApply: '5',
            couponRedemptionIds: [],
        }));
        expect(await commit()).toEqual({ creditsApplied: '5.00' });
        expect(await commit()).toEqual({ creditsApplied: '5.00' });
        await inCls(() => debit.execute(tenantId, customer.id, '1', 'manual:2', 'test'));
        const ofCustomer = (r) => r.path === '/credits' && r.json?.data?.customerId === customer.id;
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
        const grant = (amount) => owner
            .auth(t.http.post(`/api/v1/customers/${customer.id}/credits/grants`))
            .send({ amount, paid: true })
            .expect(201);
        await grant('30');
        const debit = t.app.get(credits_use_case_1.DebitCredits);
        const tenantId = (0, tenant_id_1.asTenantId)(owner.tenantId);
        const ofCustomer = (r) => r.path === '/credits' && r.json?.data?.customerId === customer.id;
        await Promise.all(Array.from({ length: 10 }, (_, i) => inCls(() => debit.execute(tenantId, customer.id, '3', `c:${i}`, 'test'))));
        const [first] = await receiver.waitFor(1, ofCustomer);
        expect(first.json.data.balance).toBe('9.00');
        await grant('20');
        await inCls(() => debit.execute(tenantId, customer.id, '15', 'c:again', 'test'));
        const both = await receiver.waitFor(2, ofCustomer);
        expect(both[1].json.data.balance).toBe('5.00');
        await settle();
        expect(receiver.received.filter(ofCustomer)).toHaveLength(2);
    });
    it('emits subscription.updated on create, on cancel, and on a status change from Invoicing (once)', async () => {
        const customer = await newCustomer();
        const sub = await subscribe(customer.id);
        const ofSub = (r) => r.path === '/subscriptions' && r.json?.data?.subscriptionId === sub.id;
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
        const tenantId = (0, tenant_id_1.asTenantId)(owner.tenantId);
        await inCls(() => billing.setSubscriptionStatus(tenantId, sub.id, 'past_due'));
        await inCls(() => billing.setSubscriptionStatus(tenantId, sub.id, 'past_due'));
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
//# sourceMappingURL=billing-webhook-events.e2e-spec.js.map