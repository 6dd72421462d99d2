import { startTestApp, TestApp } from '../support/test-app';
import { signUp, SignedUp } from '../support/auth';

describe('billing: customers', () => {
  let t: TestApp;
  let a: SignedUp;
  let b: SignedUp;
  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = await Promise.all([signUp(t), signUp(t)]);
  });
  afterAll(() => t.close());

  it('creates, reads, updates, lists and deletes a customer', async () => {
    const created = await a
      .auth(t.http.post('/api/v1/customers'))
      .send({
        name: 'Acme',
        email: 'ap@acme.test',
        externalId: 'acme-1',
        currency: 'eur',
        timezone: 'Europe/Paris',
        taxRate: '20',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'Acme',
      currency: 'EUR',
      timezone: 'Europe/Paris',
      taxRate: '20',
      externalId: 'acme-1',
    });
    const id = created.body.id;
    await a.auth(t.http.get(`/api/v1/customers/${id}`)).expect(200);
    const patched = await a
      .auth(t.http.patch(`/api/v1/customers/${id}`))
      .send({ spendCap: '100.50' })
      .expect(200);
    expect(patched.body.spendCap).toBe('100.5');
    const list = await a.auth(t.http.get('/api/v1/customers')).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(id);
    await a.auth(t.http.delete(`/api/v1/customers/${id}`)).expect(204);
    await a.auth(t.http.get(`/api/v1/customers/${id}`)).expect(404);
  });

  it('rejects bad input with 400 problem+json and duplicate external ids with 409', async () => {
    const bad = await a
      .auth(t.http.post('/api/v1/customers'))
      .send({ name: 'X', currency: 'usd', timezone: 'Mars/Olympus', extra: 1 })
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    await a
      .auth(t.http.post('/api/v1/customers'))
      .send({ name: 'X', currency: 'usd', timezone: 'Mars/Olympus' })
      .expect(400);
    await a
      .auth(t.http.post('/api/v1/customers'))
      .send({ name: 'X', currency: 'usd', taxRate: '-1' })
      .expect(400);
    for (const taxRate of ['1000', '100.5']) {
      const tooHigh = await a
        .auth(t.http.post('/api/v1/customers'))
        .send({ name: 'X', currency: 'usd', taxRate })
        .expect(400);
      expect(JSON.stringify(tooHigh.body)).toMatch(/taxRate.*at most 100/);
    }
    await a
      .auth(t.http.post('/api/v1/customers'))
      .send({ name: 'X', currency: 'usd', externalId: 'dup' })
      .expect(201);
    await a
      .auth(t.http.post('/api/v1/customers'))
      .send({ name: 'Y', currency: 'usd', externalId: 'dup' })
      .expect(409);
    // Another tenant may use the same external id.
    await b
      .auth(t.http.post('/api/v1/customers'))
      .send({ name: 'Y', currency: 'usd', externalId: 'dup' })
      .expect(201);
  });

  it('answers 404 for another tenant’s customer and for malformed ids', async () => {
    const mine = await a
      .auth(t.http.post('/api/v1/customers'))
      .send({ name: 'Mine', currency: 'usd' })
      .expect(201);
    const id = mine.body.id;
    await b.auth(t.http.get(`/api/v1/customers/${id}`)).expect(404);
    await b
      .auth(t.http.patch(`/api/v1/customers/${id}`))
      .send({ name: 'Stolen' })
      .expect(404);
    await b.auth(t.http.delete(`/api/v1/customers/${id}`)).expect(404);
    await b.auth(t.http.get(`/api/v1/customers/${id}/credits`)).expect(404);
    await b
      .auth(t.http.post(`/api/v1/customers/${id}/credits/grants`))
      .send({ amount: '5', paid: false })
      .expect(404);
    await a.auth(t.http.get('/api/v1/customers/not-a-uuid')).expect(404);
    const still = await a.auth(t.http.get(`/api/v1/customers/${id}`)).expect(200);
    expect(still.body.name).toBe('Mine');
  });
});
