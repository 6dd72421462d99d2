import { startTestApp, TestApp } from '../support/test-app';
import { signUp, SignedUp } from '../support/auth';

const hybrid = (code: string) => ({
  code,
  name: 'Hybrid',
  currency: 'USD',
  interval: 'month',
  trialDays: 0,
  minimumCommitment: '100',
  charges: [
    { kind: 'base', name: 'Platform', amount: '49', timing: 'advance' },
    { kind: 'seat', name: 'Seats', unitAmount: '10', timing: 'advance', freeSeats: '1' },
    {
      kind: 'usage',
      name: 'Tokens',
      metricCode: 'tokens',
      freeUnits: '100000',
      price: {
        model: 'graduated',
        tiers: [
          { upTo: '1000000', unitAmount: '0.000002' },
          { upTo: null, unitAmount: '0.000001' },
        ],
      },
    },
    { kind: 'usage', name: 'Margin', price: { model: 'cost_plus', multiplier: '1.3' } },
    {
      kind: 'outcome',
      name: 'Deflections',
      outcomeType: 'deflection',
      percentage: '5',
      minPerOutcome: '1',
      maxPerOutcome: '50',
    },
  ],
});

describe('billing: plans', () => {
  let t: TestApp;
  let a: SignedUp;
  let b: SignedUp;
  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = await Promise.all([signUp(t), signUp(t)]);
    await a
      .auth(t.http.post('/api/v1/billable-metrics'))
      .send({ code: 'tokens', name: 'Tokens', aggregation: 'sum', field: 'tokens' })
      .expect(201);
  });
  afterAll(() => t.close());

  it('creates a hybrid plan and reads it back', async () => {
    const res = await a.auth(t.http.post('/api/v1/plans')).send(hybrid('hybrid')).expect(201);
    expect(res.body).toMatchObject({
      code: 'hybrid',
      currentVersion: 1,
      version: { version: 1, currency: 'USD', minimumCommitment: '100' },
    });
    expect(res.body.version.charges).toHaveLength(5);
    expect(res.body.version.charges.every((c: { id: string }) => typeof c.id === 'string')).toBe(true);
    await a.auth(t.http.get(`/api/v1/plans/${res.body.id}`)).expect(200);
    const list = await a.auth(t.http.get('/api/v1/plans')).expect(200);
    expect(list.body.items.map((p: { code: string }) => p.code)).toContain('hybrid');
    await a.auth(t.http.post('/api/v1/plans')).send(hybrid('hybrid')).expect(409);
  });

  it('validates charges per kind and price model', async () => {
    const bad = async (charges: object[], field: RegExp) => {
      const res = await a
        .auth(t.http.post('/api/v1/plans'))
        .send({ code: `bad-${Math.random()}`, name: 'Bad', currency: 'USD', interval: 'month', charges })
        .expect(400);
      expect(JSON.stringify(res.body.errors)).toMatch(field);
    };
    await bad([{ kind: 'base' }], /charges\.0\.amount/);
    await bad([{ kind: 'usage', metricCode: 'tokens' }], /charges\.0\.price/);
    await bad(
      [{ kind: 'usage', metricCode: 'nope', price: { model: 'per_unit', unitAmount: '1' } }],
      /metricCode/,
    );
    await bad(
      [
        {
          kind: 'usage',
          metricCode: 'tokens',
          price: {
            model: 'graduated',
            tiers: [
              { upTo: null, unitAmount: '1' },
              { upTo: '5', unitAmount: '1' },
            ],
          },
        },
      ],
      /tiers\.0\.upTo/,
    );
    for (const model of ['graduated', 'volume'])
      await bad(
        [
          {
            kind: 'usage',
            metricCode: 'tokens',
            price: {
              model,
              tiers: [
                { upTo: '100', unitAmount: '1' },
                { upTo: '200', unitAmount: '2' },
              ],
            },
          },
        ],
        /tiers\.1\.upTo.*last tier must be unbounded/s,
      );
    await bad(
      [
        {
          kind: 'usage',
          metricCode: 'tokens',
          price: { model: 'package', packageSize: '0', packageAmount: '1' },
        },
      ],
      /packageSize/,
    );
    await bad(
      [{ kind: 'usage', metricCode: 'tokens', price: { model: 'per_unit', unitAmount: '0.0000000000001' } }],
      /unitAmount/,
    ); // 13 decimals
    await bad([{ kind: 'outcome', percentage: '5' }], /outcomeType/);
    await bad([{ kind: 'seat', unitAmount: '1', bogus: true }], /bogus/);
  });

  it('edits in place without subscribers, and versions once subscribed (subscribers stay on theirs)', async () => {
    const plan = (await a.auth(t.http.post('/api/v1/plans')).send(hybrid('versioned')).expect(201)).body;
    const edit1 = await a
      .auth(t.http.put(`/api/v1/plans/${plan.id}`))
      .send({ ...hybrid('x'), code: undefined, name: 'Hybrid v1b' })
      .expect(200);
    expect(edit1.body).toMatchObject({ currentVersion: 1, newVersion: false, name: 'Hybrid v1b' });
    const customer = (
      await a.auth(t.http.post('/api/v1/customers')).send({ name: 'C', currency: 'USD' }).expect(201)
    ).body;
    const sub = (
      await a
        .auth(t.http.post('/api/v1/subscriptions'))
        .send({ customerId: customer.id, planId: plan.id })
        .expect(201)
    ).body;
    const edit2 = await a
      .auth(t.http.put(`/api/v1/plans/${plan.id}`))
      .send({
        ...hybrid('x'),
        code: undefined,
        name: 'Hybrid v2',
        charges: [{ kind: 'base', name: 'Platform', amount: '59', timing: 'advance' }],
      })
      .expect(200);
    expect(edit2.body).toMatchObject({ currentVersion: 2, newVersion: true, version: { version: 2 } });
    const still = (await a.auth(t.http.get(`/api/v1/subscriptions/${sub.id}`)).expect(200)).body;
    expect(still.planVersionId).toBe(sub.planVersionId);
    const migrated = await a
      .auth(t.http.post(`/api/v1/subscriptions/${sub.id}/change-plan`))
      .send({ planId: plan.id })
      .expect(200);
    expect(migrated.body.planVersionId).toBe(edit2.body.version.id);
  });

  it('answers 404 for another tenant’s plan', async () => {
    const plan = (await a.auth(t.http.post('/api/v1/plans')).send(hybrid('private')).expect(201)).body;
    await b.auth(t.http.get(`/api/v1/plans/${plan.id}`)).expect(404);
    await b
      .auth(t.http.put(`/api/v1/plans/${plan.id}`))
      .send({ ...hybrid('x'), code: undefined, charges: [] })
      .expect(404);
    const bc = (
      await b.auth(t.http.post('/api/v1/customers')).send({ name: 'C', currency: 'USD' }).expect(201)
    ).body;
    await b
      .auth(t.http.post('/api/v1/subscriptions'))
      .send({ customerId: bc.id, planId: plan.id })
      .expect(404);
  });
});
