"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const nestjs_cls_1 = require("nestjs-cls");
const test_app_1 = require("../support/test-app");
const auth_1 = require("../support/auth");
const clock_port_1 = require("../../src/shared/domain/clock.port");
const credits_use_case_1 = require("../../src/modules/billing/application/credits.use-case");
const credit_repository_port_1 = require("../../src/modules/billing/domain/credit.repository.port");
const money_1 = require("../../src/shared/domain/money");
describe('billing: credits and coupons', () => {
    const clock = new clock_port_1.FixedClock(new Date('2026-11-22T12:00:00Z'));
    let t;
    let a;
    let b;
    const newCustomer = async (who = a, currency = 'USD') => (await who.auth(t.http.post('/api/v1/customers')).send({ name: 'C', currency }).expect(201)).body
        .id;
    const balance = async (id) => (await a.auth(t.http.get(`/api/v1/customers/${id}/credits`)).expect(200)).body.balance;
    beforeAll(async () => {
        t = await (0, test_app_1.startTestApp)({ clock });
        [a, b] = await Promise.all([(0, auth_1.signUp)(t), (0, auth_1.signUp)(t)]);
    });
    afterAll(() => t.close());
    it('never goes negative under 50 concurrent debits', async () => {
        const id = await newCustomer();
        await a
            .auth(t.http.post(`/api/v1/customers/${id}/credits/grants`))
            .send({ amount: '100', paid: true })
            .expect(201);
        const debit = t.app.get(credits_use_case_1.DebitCredits);
        const cls = t.app.get(nestjs_cls_1.ClsService);
        const applied = await Promise.all(Array.from({ length: 50 }, (_, i) => cls.run(() => debit.execute(a.tenantId, id, '3', `inv-${i}`, 'test'))));
        expect((0, money_1.sumMoney)(applied).toString()).toBe('100');
        expect(applied.filter((x) => (0, money_1.dec)(x).eq(3))).toHaveLength(33);
        expect(applied.filter((x) => (0, money_1.dec)(x).eq(1))).toHaveLength(1);
        expect(await balance(id)).toBe('0');
    });
    it('consumes soonest-expiring grants first and drops expired credit from the balance', async () => {
        const id = await newCustomer();
        const grant = (body) => a
            .auth(t.http.post(`/api/v1/customers/${id}/credits/grants`))
            .send(body)
            .expect(201);
        await grant({ amount: '10', paid: false });
        await grant({ amount: '5', paid: false, expiresAt: '2026-11-25T00:00:00Z' });
        const debit = t.app.get(credits_use_case_1.DebitCredits);
        const cls = t.app.get(nestjs_cls_1.ClsService);
        expect(await cls.run(() => debit.execute(a.tenantId, id, '4', 'inv-x', 'test'))).toBe('4');
        expect(await balance(id)).toBe('11');
        const later = new Date('2026-11-26T00:00:00Z');
        expect(await t.app.get(credit_repository_port_1.CreditRepository).balance(a.tenantId, id, later)).toBe('10');
        const ledger = (await a.auth(t.http.get(`/api/v1/customers/${id}/credits`)).expect(200)).body.ledger;
        expect(ledger.map((e) => [e.kind, e.amount]).sort()).toEqual([
            ['debit', '-4'],
            ['free_grant', '10'],
            ['free_grant', '5'],
        ].sort());
    });
    it('grants are idempotent per reference and validated', async () => {
        const id = await newCustomer();
        const first = await a
            .auth(t.http.post(`/api/v1/customers/${id}/credits/grants`))
            .send({ amount: '7', paid: true, reference: 'r1' })
            .expect(201);
        expect(first.body).toEqual({ created: true, balance: '7' });
        const again = await a
            .auth(t.http.post(`/api/v1/customers/${id}/credits/grants`))
            .send({ amount: '7', paid: true, reference: 'r1' })
            .expect(201);
        expect(again.body).toEqual({ created: false, balance: '7' });
        await a
            .auth(t.http.post(`/api/v1/customers/${id}/credits/grants`))
            .send({ amount: '0', paid: true })
            .expect(400);
        await a
            .auth(t.http.post(`/api/v1/customers/${id}/credits/grants`))
            .send({ amount: '-1', paid: true })
            .expect(400);
        await a
            .auth(t.http.post(`/api/v1/customers/${id}/credits/grants`))
            .send({ amount: '1', paid: true, expiresAt: '2020-01-01T00:00:00Z' })
            .expect(400);
    });
    it('coupons: validation, max redemptions, once per customer, expiry, currency, tenant isolation', async () => {
        await a
            .auth(t.http.post('/api/v1/coupons'))
            .send({ code: 'BAD', name: 'x', kind: 'percentage', duration: 'once' })
            .expect(400);
        await a
            .auth(t.http.post('/api/v1/coupons'))
            .send({ code: 'BAD', name: 'x', kind: 'fixed', amountOff: '5', duration: 'once' })
            .expect(400);
        const c = await a
            .auth(t.http.post('/api/v1/coupons'))
            .send({
            code: 'TWO',
            name: 'Two only',
            kind: 'fixed',
            amountOff: '5',
            currency: 'USD',
            duration: 'repeating',
            durationPeriods: 3,
            maxRedemptions: 2,
        })
            .expect(201);
        await a
            .auth(t.http.post('/api/v1/coupons'))
            .send({ code: 'TWO', name: 'dup', kind: 'percentage', percentOff: '5', duration: 'once' })
            .expect(409);
        const [c1, c2, c3] = [await newCustomer(), await newCustomer(), await newCustomer()];
        const r1 = await a
            .auth(t.http.post(`/api/v1/customers/${c1}/coupons`))
            .send({ code: 'TWO' })
            .expect(201);
        expect(r1.body).toMatchObject({ code: 'TWO', periodsRemaining: 3, status: 'active' });
        const again = await a
            .auth(t.http.post(`/api/v1/customers/${c1}/coupons`))
            .send({ code: 'TWO' })
            .expect(201);
        expect(again.body.id).toBe(r1.body.id);
        await a
            .auth(t.http.post(`/api/v1/customers/${c2}/coupons`))
            .send({ code: 'TWO' })
            .expect(201);
        await a
            .auth(t.http.post(`/api/v1/customers/${c3}/coupons`))
            .send({ code: 'TWO' })
            .expect(409);
        const eur = await newCustomer(a, 'EUR');
        await a
            .auth(t.http.post('/api/v1/coupons'))
            .send({ code: 'USD5', name: 'x', kind: 'fixed', amountOff: '5', currency: 'USD', duration: 'forever' })
            .expect(201);
        await a
            .auth(t.http.post(`/api/v1/customers/${eur}/coupons`))
            .send({ code: 'USD5' })
            .expect(409);
        await a
            .auth(t.http.post('/api/v1/coupons'))
            .send({
            code: 'OLD',
            name: 'x',
            kind: 'percentage',
            percentOff: '5',
            duration: 'once',
            expiresAt: '2026-01-01T00:00:00Z',
        })
            .expect(201);
        await a
            .auth(t.http.post(`/api/v1/customers/${c3}/coupons`))
            .send({ code: 'OLD' })
            .expect(409);
        await b.auth(t.http.get(`/api/v1/coupons/${c.body.id}`)).expect(404);
        const bc = await newCustomer(b);
        await b
            .auth(t.http.post(`/api/v1/customers/${bc}/coupons`))
            .send({ code: 'TWO' })
            .expect(404);
        const listed = await a.auth(t.http.get(`/api/v1/coupons/${c.body.id}`)).expect(200);
        expect(listed.body.redemptions).toBe(2);
    });
});
//# sourceMappingURL=credits.e2e-spec.js.map