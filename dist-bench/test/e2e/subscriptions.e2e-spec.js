"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const test_app_1 = require("../support/test-app");
const auth_1 = require("../support/auth");
const clock_port_1 = require("../../src/shared/domain/clock.port");
describe('billing: subscriptions', () => {
    const clock = new clock_port_1.FixedClock(new Date('2026-11-21T12:00:00Z'));
    let t;
    let a;
    let b;
    let customerId;
    let proId;
    let teamId;
    const plan = async (code, base, seat, extra = {}) => (await a
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
        .expect(201)).body.id;
    beforeAll(async () => {
        t = await (0, test_app_1.startTestApp)({ clock });
        [a, b] = await Promise.all([(0, auth_1.signUp)(t), (0, auth_1.signUp)(t)]);
        customerId = (await a.auth(t.http.post('/api/v1/customers')).send({ name: 'C', currency: 'USD' }).expect(201)).body.id;
        proId = await plan('pro', '30', '3');
        teamId = await plan('team', '60', '6');
    });
    afterAll(() => t.close());
    const upcoming = async (id) => (await a.auth(t.http.get(`/api/v1/subscriptions/${id}/upcoming`)).expect(200)).body;
    it('starts on the local start date and bills the first period’s in-advance fees', async () => {
        const sub = (await a
            .auth(t.http.post('/api/v1/subscriptions'))
            .send({ customerId, planId: proId, seats: 5, startDate: '2026-11-01' })
            .expect(201)).body;
        expect(sub).toMatchObject({
            status: 'active',
            seats: 5,
            currentPeriodStart: '2026-11-01T00:00:00.000Z',
            currentPeriodEnd: '2026-12-01T00:00:00.000Z',
        });
        const up = await upcoming(sub.id);
        expect(up.subtotal).toBe('90.00');
    });
    it('prorates a seat change by day for in-advance seats', async () => {
        const sub = (await a
            .auth(t.http.post('/api/v1/subscriptions'))
            .send({ customerId, planId: proId, seats: 5, startDate: '2026-11-01' })
            .expect(201)).body;
        await a
            .auth(t.http.post(`/api/v1/subscriptions/${sub.id}/seats`))
            .send({ seats: 8 })
            .expect(200);
        const up = await upcoming(sub.id);
        const proration = up.lines.find((l) => l.kind === 'proration');
        expect(proration).toMatchObject({ quantity: '3', amount: '3.00' });
        expect(up.lines
            .filter((l) => /next period/.test(l.description))
            .map((l) => l.amount)).toEqual(['30.00', '24.00']);
        await a
            .auth(t.http.post(`/api/v1/subscriptions/${sub.id}/seats`))
            .send({ seats: -1 })
            .expect(400);
    });
    it('prorates a plan change: credits the unused old fees and charges the new ones for the rest of the period', async () => {
        const sub = (await a
            .auth(t.http.post('/api/v1/subscriptions'))
            .send({ customerId, planId: proId, seats: 1, startDate: '2026-11-01' })
            .expect(201)).body;
        const moved = await a
            .auth(t.http.post(`/api/v1/subscriptions/${sub.id}/change-plan`))
            .send({ planId: teamId })
            .expect(200);
        expect(moved.body.planId).toBe(teamId);
        const lines = (await upcoming(sub.id)).lines
            .filter((l) => l.kind === 'proration')
            .map((l) => l.amount);
        expect(lines).toEqual(['-10.00', '-1.00', '20.00', '2.00']);
    });
    it('rejects a plan in another currency', async () => {
        const eur = (await a
            .auth(t.http.post('/api/v1/plans'))
            .send({ code: 'eur', name: 'EUR', currency: 'EUR', interval: 'month', charges: [] })
            .expect(201)).body.id;
        await a.auth(t.http.post('/api/v1/subscriptions')).send({ customerId, planId: eur }).expect(400);
    });
    it('starts a trial: free until the trial ends, then the first paid period', async () => {
        const sub = (await a
            .auth(t.http.post('/api/v1/subscriptions'))
            .send({ customerId, planId: proId, trialDays: 14, startDate: '2026-11-21' })
            .expect(201)).body;
        expect(sub).toMatchObject({
            status: 'trialing',
            trialEnd: '2026-12-05T00:00:00.000Z',
            currentPeriodEnd: '2026-12-05T00:00:00.000Z',
        });
        const up = await upcoming(sub.id);
        expect(up.lines.map((l) => l.description)).toEqual([
            'pro base (next period, in advance)',
            'pro seats (next period, in advance)',
        ]);
    });
    it('cancels at period end or now', async () => {
        const s1 = (await a
            .auth(t.http.post('/api/v1/subscriptions'))
            .send({ customerId, planId: proId, startDate: '2026-11-01' })
            .expect(201)).body;
        const atEnd = await a
            .auth(t.http.post(`/api/v1/subscriptions/${s1.id}/cancel`))
            .send({ when: 'period_end' })
            .expect(200);
        expect(atEnd.body).toMatchObject({
            status: 'active',
            cancelAtPeriodEnd: true,
            currentPeriodEnd: '2026-12-01T00:00:00.000Z',
        });
        expect((await upcoming(s1.id)).lines.some((l) => /next period/.test(l.description))).toBe(false);
        const s2 = (await a
            .auth(t.http.post('/api/v1/subscriptions'))
            .send({ customerId, planId: proId, startDate: '2026-11-01' })
            .expect(201)).body;
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
        const sub = (await a.auth(t.http.post('/api/v1/subscriptions')).send({ customerId, planId: proId }).expect(201)).body;
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
        expect(list.body.data).toEqual([]);
        await b.auth(t.http.post('/api/v1/subscriptions')).send({ customerId, planId: proId }).expect(404);
        expect((await a.auth(t.http.get(`/api/v1/subscriptions/${sub.id}`)).expect(200)).body.status).toBe('active');
    });
});
//# sourceMappingURL=subscriptions.e2e-spec.js.map