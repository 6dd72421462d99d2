import { ClsService } from 'nestjs-cls';
import { startTestApp, TestApp } from '../support/test-app';
import { signUp, SignedUp } from '../support/auth';
import { FixedClock } from '../../src/shared/domain/clock.port';
import { DebitCredits } from '../../src/modules/billing/application/debit-credits.use-case';
import { CreditRepository } from '../../src/modules/billing/domain/credit.repository.port';
import { TenantId } from '../../src/shared/domain/tenant-id';
import { dec, sumMoney } from '../../src/shared/domain/money';

describe('billing: credits and coupons', () => {
  const clock = new FixedClock(new Date('2026-11-22T12:00:00Z'));
  let t: TestApp;
  let a: SignedUp;
  let b: SignedUp;
  const newCustomer = async (who: SignedUp = a, currency = 'USD') =>
    (await who.auth(t.http.post('/api/v1/customers')).send({ name: 'C', currency }).expect(201)).body
      .id as string;
  const balance = async (id: string) =>
    (await a.auth(t.http.get(`/api/v1/customers/${id}/credits`)).expect(200)).body.balance;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    [a, b] = await Promise.all([signUp(t), signUp(t)]);
  });
  afterAll(() => t.close());

  it('never goes negative under 50 concurrent debits', async () => {
    const id = await newCustomer();
    await a
      .auth(t.http.post(`/api/v1/customers/${id}/credits/grants`))
      .send({ amount: '100', paid: true })
      .expect(201);
    const debit = t.app.get(DebitCredits);
    const cls = t.app.get(ClsService);
    const applied = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        cls.run(() => debit.execute(a.tenantId as TenantId, id, '3', `inv-${i}`, 'test')),
      ),
    );
    expect(sumMoney(applied).toString()).toBe('100');
    expect(applied.filter((x) => dec(x).eq(3))).toHaveLength(33);
    expect(applied.filter((x) => dec(x).eq(1))).toHaveLength(1);
    expect(await balance(id)).toBe('0');
  });

  it('consumes soonest-expiring grants first and drops expired credit from the balance', async () => {
    const id = await newCustomer();
    const grant = (body: object) =>
      a
        .auth(t.http.post(`/api/v1/customers/${id}/credits/grants`))
        .send(body)
        .expect(201);
    await grant({ amount: '10', paid: false });
    await grant({ amount: '5', paid: false, expiresAt: '2026-11-25T00:00:00Z' });
    const debit = t.app.get(DebitCredits);
    const cls = t.app.get(ClsService);
    expect(await cls.run(() => debit.execute(a.tenantId as TenantId, id, '4', 'inv-x', 'test'))).toBe('4');
    expect(await balance(id)).toBe('11');
    const later = new Date('2026-11-26T00:00:00Z');
    expect(await t.app.get(CreditRepository).balance(a.tenantId as TenantId, id, later)).toBe('10'); // the expiring grant's last 1 is gone
    const ledger = (await a.auth(t.http.get(`/api/v1/customers/${id}/credits`)).expect(200)).body.ledger;
    expect(ledger.map((e: { kind: string; amount: string }) => [e.kind, e.amount]).sort()).toEqual(
      [
        ['debit', '-4'],
        ['free_grant', '10'],
        ['free_grant', '5'],
      ].sort(),
    );
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
