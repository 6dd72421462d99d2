import { WebhookEvents } from '../../src/shared/contracts/webhook-events';
import { newId } from '../../src/shared/domain/ids';
import { TenantId } from '../../src/shared/domain/tenant-id';
import { signUp, SignedUp } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

describe('referrals: codes, links and credit rewards granted once', () => {
  let t: TestApp;
  let a: SignedUp;
  let b: SignedUp;
  let referrerId: string;
  let code: string;

  const customer = (who: SignedUp, body: object) => who.auth(t.http.post('/api/v1/customers')).send(body);
  const credits = async (id: string) =>
    (await a.auth(t.http.get(`/api/v1/customers/${id}/credits`)).expect(200)).body;
  const paid = (customerId: string, total = '20.00', tenantId = a.tenantId) =>
    t.app.get(WebhookEvents).publish(tenantId as TenantId, 'invoice.paid', {
      invoiceId: newId(),
      customerId,
      total,
      currency: 'USD',
    });

  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = await Promise.all([signUp(t), signUp(t)]);
    await a
      .auth(t.http.put('/api/v1/referral-program'))
      .send({ enabled: true, referrerReward: '10', refereeReward: '5', rewardOn: 'first_paid_invoice' })
      .expect(200);
    referrerId = (await customer(a, { name: 'Ref', currency: 'USD', email: 'ops@ref.test' }).expect(201)).body
      .id;
    code = (
      await a
        .auth(t.http.post(`/api/v1/customers/${referrerId}/referral-codes`))
        .send({ code: 'friends-of-ref' })
        .expect(201)
    ).body.code;
  });
  afterAll(() => t.close());

  it('gives each customer codes of its own, asked for or generated', async () => {
    expect(code).toBe('FRIENDS-OF-REF');
    const generated = await a
      .auth(t.http.post(`/api/v1/customers/${referrerId}/referral-codes`))
      .send({})
      .expect(201);
    expect(generated.body.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const list = await a.auth(t.http.get(`/api/v1/customers/${referrerId}/referral-codes`)).expect(200);
    expect(list.body.items.map((c: any) => c.code)).toEqual(['FRIENDS-OF-REF', generated.body.code]);
    await a
      .auth(t.http.post(`/api/v1/customers/${referrerId}/referral-codes`))
      .send({ code: 'Friends-Of-Ref' })
      .expect(409);
  });

  it('links a customer created with a code and rewards both sides once on its first paid invoice', async () => {
    const referee = (
      await customer(a, { name: 'New', currency: 'USD', referralCode: 'friends-of-ref' }).expect(201)
    ).body.id;
    let list = await a.auth(t.http.get(`/api/v1/customers/${referrerId}/referrals`)).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ refereeCustomerId: referee, status: 'pending', referrerReward: '10' }),
    ]);
    expect((await credits(referrerId)).balance).toBe('0');

    // A zero invoice is not a payment; then the same payment event three times, two of them at once.
    await paid(referee, '0');
    expect((await credits(referee)).balance).toBe('0');
    await Promise.all([paid(referee), paid(referee)]);
    await paid(referee);

    expect((await credits(referrerId)).balance).toBe('10');
    expect((await credits(referee)).balance).toBe('5');
    expect((await credits(referrerId)).ledger.filter((e: any) => e.kind === 'free_grant')).toHaveLength(1);
    list = await a.auth(t.http.get(`/api/v1/customers/${referrerId}/referrals`)).expect(200);
    expect(list.body.items[0]).toMatchObject({ status: 'rewarded', rewardInvoiceId: expect.any(String) });
    expect(list.body.stats).toEqual({
      referred: 1,
      pending: 0,
      rewarded: 1,
      referrerCredits: '10',
      refereeCredits: '5',
    });
  });

  it('refuses self-referral, and the customer it would have created is not created', async () => {
    const self = await customer(a, {
      name: 'Ref again',
      currency: 'USD',
      email: 'OPS@ref.test',
      externalId: 'ref-again',
      referralCode: code,
    }).expect(400);
    expect(self.body.code).toBe('self_referral');
    await customer(a, { name: 'Ref again', currency: 'USD', externalId: 'ref-again' }).expect(201);
    const direct = await a
      .auth(t.http.post('/api/v1/referrals'))
      .send({ customerId: referrerId, code })
      .expect(400);
    expect(direct.body.code).toBe('self_referral');
  });

  it('refers an existing customer once; unknown codes and other tenants’ codes are refused', async () => {
    const other = (await customer(a, { name: 'Other', currency: 'EUR' }).expect(201)).body.id;
    const res = await a.auth(t.http.post('/api/v1/referrals')).send({ customerId: other, code }).expect(201);
    expect(res.body).toMatchObject({
      referrerCustomerId: referrerId,
      refereeCustomerId: other,
      status: 'pending',
    });
    await a.auth(t.http.post('/api/v1/referrals')).send({ customerId: other, code }).expect(409);
    const unknown = await customer(a, { name: 'X', currency: 'USD', referralCode: 'NOPE-NOPE' }).expect(400);
    expect(unknown.body.code).toBe('unknown_referral_code');
    await b
      .auth(t.http.put('/api/v1/referral-program'))
      .send({ enabled: true, referrerReward: '1', rewardOn: 'signup' })
      .expect(200);
    await customer(b, { name: 'Y', currency: 'USD', referralCode: code }).expect(400);
    await b.auth(t.http.get(`/api/v1/customers/${referrerId}/referrals`)).expect(404);
    expect((await b.auth(t.http.get('/api/v1/referrals')).expect(200)).body.stats.referred).toBe(0);
  });

  it('grants at signup when the program says so, and not at all while it is disabled', async () => {
    const ownerB = (await customer(b, { name: 'B ref', currency: 'USD' }).expect(201)).body.id;
    const codeB = (
      await b
        .auth(t.http.post(`/api/v1/customers/${ownerB}/referral-codes`))
        .send({})
        .expect(201)
    ).body.code;
    const newB = (await customer(b, { name: 'B new', currency: 'USD', referralCode: codeB }).expect(201)).body
      .id;
    const bCredits = async (id: string) =>
      (await b.auth(t.http.get(`/api/v1/customers/${id}/credits`)).expect(200)).body.balance;
    expect(await bCredits(ownerB)).toBe('1');
    expect(await bCredits(newB)).toBe('0');
    await paid(newB, '30', b.tenantId);
    expect(await bCredits(ownerB)).toBe('1');

    await b.auth(t.http.put('/api/v1/referral-program')).send({ enabled: false }).expect(200);
    await customer(b, { name: 'B late', currency: 'USD', referralCode: codeB }).expect(400);
  });

  it('validates the program and the inputs', async () => {
    await a.auth(t.http.put('/api/v1/referral-program')).send({ referrerReward: '-1' }).expect(400);
    await a.auth(t.http.put('/api/v1/referral-program')).send({ rewardOn: 'sometime' }).expect(400);
    await a
      .auth(t.http.post(`/api/v1/customers/${referrerId}/referral-codes`))
      .send({ code: 'a b' })
      .expect(400);
    await a.auth(t.http.post('/api/v1/customers/not-a-uuid/referral-codes')).send({}).expect(404);
    await a.auth(t.http.post('/api/v1/referrals')).send({ customerId: 'x', code }).expect(400);
    await a.auth(t.http.get('/api/v1/referrals?status=lost')).expect(400);
  });
});
