import { DataSource } from 'typeorm';
import { StoreUsageRecords } from '../../src/modules/chat/application/store-usage-records.use-case';
import { UsageRecord } from '../../src/modules/chat/domain/usage-record';
import { newId } from '../../src/shared/domain/ids';
import { FixedClock } from '../../src/shared/domain/clock.port';
import { signUp, SignedUp } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

describe('analytics: usage series from the hourly rollup', () => {
  const clock = new FixedClock(new Date('2026-11-05T12:00:00Z'));
  let t: TestApp;
  let a: SignedUp;
  let b: SignedUp;
  let customerId: string;
  let agentId: string;

  const record = (over: Partial<UsageRecord>): UsageRecord => ({
    id: newId(),
    tenantId: a.tenantId,
    agentId: null,
    conversationId: null,
    apiKeyId: null,
    userId: a.userId,
    customer: null,
    endpoint: 'chat_completions',
    provider: 'openai',
    model: 'gpt-4o-mini',
    promptTokens: 1000,
    completionTokens: 500,
    cost: '0.003',
    promptCost: '0.001',
    completionCost: '0.002',
    currency: 'USD',
    latencyMs: 200,
    status: 'completed',
    errorCode: null,
    occurredAt: '2026-11-01T10:00:00.000Z',
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp({ clock });
    [a, b] = await Promise.all([signUp(t), signUp(t)]);
    await a
      .auth(t.http.patch(`/api/v1/organizations/${a.tenantId}`))
      .send({ timezone: 'Europe/Paris' })
      .expect(200);
    for (const m of [
      { code: 'llm_prompt_tokens', name: 'Prompt tokens', aggregation: 'sum', field: 'tokens' },
      { code: 'agent_requests', name: 'Requests', aggregation: 'count' },
    ])
      await a.auth(t.http.post('/api/v1/billable-metrics')).send(m).expect(201);
    const plan = await a
      .auth(t.http.post('/api/v1/plans'))
      .send({
        code: 'metered',
        name: 'Metered',
        currency: 'USD',
        interval: 'month',
        charges: [
          {
            kind: 'usage',
            name: 'Prompt tokens',
            metricCode: 'llm_prompt_tokens',
            price: { model: 'per_unit', unitAmount: '0.000004' },
          },
          {
            kind: 'usage',
            name: 'Requests',
            metricCode: 'agent_requests',
            price: { model: 'per_unit', unitAmount: '0.01' },
          },
        ],
      })
      .expect(201);
    customerId = (
      await a
        .auth(t.http.post('/api/v1/customers'))
        .send({ name: 'Acme', currency: 'USD', externalId: 'acme' })
        .expect(201)
    ).body.id;
    await a
      .auth(t.http.post('/api/v1/subscriptions'))
      .send({ customerId, planId: plan.body.id, startDate: '2026-11-01' })
      .expect(201);
    agentId = (
      await a
        .auth(t.http.post('/api/v1/agents'))
        .send({ name: 'Support', slug: 'support', model: 'gpt-4o-mini' })
        .expect(201)
    ).body.id;

    const batch = [
      // Paris day 2026-11-01 (UTC+1): three calls, one failed.
      record({ customer: { externalId: 'acme' }, agentId }),
      record({ customer: { id: customerId }, agentId, occurredAt: '2026-11-01T11:15:00.000Z' }),
      record({
        status: 'failed',
        promptTokens: 0,
        completionTokens: 0,
        cost: '0',
        promptCost: '0',
        completionCost: '0',
      }),
      // 23:30 UTC on the 1st is 00:30 on the 2nd in Paris.
      record({ model: 'gpt-4o', cost: '0.05', occurredAt: '2026-11-01T23:30:00.000Z' }),
      // Before the range in Paris (22:30 UTC on Oct 31 = 23:30 local).
      record({ occurredAt: '2026-10-31T22:30:00.000Z' }),
    ];
    const store = t.app.get(StoreUsageRecords, { strict: false });
    await store.execute(batch);
    // A redelivered batch adds nothing.
    await store.execute(batch);
  });
  afterAll(() => t.close());

  const series = (q: string, who: SignedUp = a) => who.auth(t.http.get(`/api/v1/analytics/usage?${q}`));

  it('buckets days in the organization time zone, with revenue rated by the customer plan and margin', async () => {
    const res = await series('from=2026-11-01&to=2026-11-04&interval=day').expect(200);
    expect(res.body).toMatchObject({
      from: '2026-10-31T23:00:00.000Z',
      to: '2026-11-03T23:00:00.000Z',
      timezone: 'Europe/Paris',
      groupBy: null,
    });
    const [total] = res.body.series;
    expect(total.points.map((p: any) => [p.start, p.requests])).toEqual([
      ['2026-10-31T23:00:00.000Z', 3],
      ['2026-11-01T23:00:00.000Z', 1],
      ['2026-11-02T23:00:00.000Z', 0],
    ]);
    // Two Acme calls: 1000 prompt tokens x 0.000004 + 1 request x 0.01, each.
    expect(total.points[0]).toMatchObject({
      failedRequests: 1,
      promptTokens: 2000,
      completionTokens: 1000,
      totalTokens: 3000,
      cost: '0.006',
      revenue: '0.028',
      margin: '0.022',
    });
    expect(res.body.totals).toMatchObject({ requests: 4, cost: '0.056', revenue: '0.028', margin: '-0.028' });
  });

  it('keeps the top N groups and sums the rest as other', async () => {
    const res = await series('from=2026-11-01&to=2026-11-04&interval=month&groupBy=model&top=1').expect(200);
    expect(res.body.series.map((s: any) => [s.key, s.other, s.totals.cost])).toEqual([
      ['gpt-4o', false, '0.05'],
      [null, true, '0.006'],
    ]);
    expect(res.body.series[0].points).toEqual([
      expect.objectContaining({ start: '2026-10-31T23:00:00.000Z' }),
    ]);
  });

  it('ranks customers and agents with their names; unattributed usage has a null key', async () => {
    const top = await a
      .auth(t.http.get('/api/v1/analytics/top?from=2026-11-01&to=2026-11-04&groupBy=customer&rankBy=revenue'))
      .expect(200);
    expect(top.body.items.map((i: any) => [i.key, i.label, i.requests, i.revenue])).toEqual([
      [customerId, 'Acme', 2, '0.028'],
      [null, null, 2, '0'],
    ]);
    const agents = await series('from=2026-11-01&to=2026-11-02&interval=hour&groupBy=agent').expect(200);
    const support = agents.body.series.find((s: any) => s.key === agentId);
    expect(support).toMatchObject({ label: 'Support', totals: expect.objectContaining({ requests: 2 }) });
    expect(support.points).toHaveLength(24);
  });

  it('answers from the rollup alone: the raw usage log is not read', async () => {
    const before = await series('from=2026-11-01&to=2026-11-04&interval=day').expect(200);
    await t.app.get(DataSource).query(`DELETE FROM llm_usage WHERE tenant_id = $1`, [a.tenantId]);
    const after = await series('from=2026-11-01&to=2026-11-04&interval=day').expect(200);
    expect(after.body).toEqual(before.body);
  });

  it("shows another organization nothing of this one's usage", async () => {
    const res = await series('from=2026-11-01&to=2026-11-04&interval=day', b).expect(200);
    expect(res.body.timezone).toBe('UTC');
    expect(res.body.totals.requests).toBe(0);
    const top = await b
      .auth(t.http.get('/api/v1/analytics/top?from=2026-11-01&to=2026-11-04&groupBy=model'))
      .expect(200);
    expect(top.body.items).toEqual([]);
  });

  it.each([
    ['interval=week', 'from=2026-11-01&to=2026-11-04&interval=week'],
    ['a bound off the hour', 'from=2026-11-01T10:30:00Z&to=2026-11-04&interval=day'],
    ['from after to', 'from=2026-11-04&to=2026-11-01&interval=day'],
    ['an unknown time zone', 'from=2026-11-01&to=2026-11-04&interval=day&timezone=Mars/Olympus'],
    ['too many buckets', 'from=2020-01-01&to=2026-11-01&interval=hour'],
    ['a malformed date', 'from=2026-13-45&to=2026-11-04&interval=day'],
    ['top out of range', 'from=2026-11-01&to=2026-11-04&interval=day&groupBy=model&top=0'],
  ])('refuses %s with a 400 problem', async (_what, q) => {
    const res = await series(q).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    if (q.startsWith('from=2026-13')) expect(res.body.detail ?? res.body.title).toMatch(/not a date/);
  });

  it('refuses an unknown organization time zone on update', async () => {
    await a
      .auth(t.http.patch(`/api/v1/organizations/${a.tenantId}`))
      .send({ timezone: 'Nowhere/Land' })
      .expect(400);
  });
});
