import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';
import { signUp, SignedUp } from '../support/auth';
import { UsageEvent, UsageEventSink } from '../../src/shared/contracts/metering';
import { TenantId } from '../../src/shared/domain/tenant-id';

async function inBatches<T>(
  items: T[],
  size: number,
  concurrency: number,
  fn: (batch: T[]) => Promise<void>,
) {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batches.length) await fn(batches[next++]);
    }),
  );
}

describe('billing: usage metering', () => {
  let t: TestApp;
  let a: SignedUp;
  let b: SignedUp;
  let customerId: string;
  beforeAll(async () => {
    // Fixed timestamps below must not age out of the late window as the calendar moves on.
    t = await startTestApp({ env: { USAGE_LATE_WINDOW_DAYS: '3650' } });
    [a, b] = await Promise.all([signUp(t), signUp(t)]);
    const c = await a
      .auth(t.http.post('/api/v1/customers'))
      .send({ name: 'Acme', currency: 'USD', externalId: 'acme' })
      .expect(201);
    customerId = c.body.id;
    await a
      .auth(t.http.post('/api/v1/billable-metrics'))
      .send({ code: 'tokens', name: 'Tokens', aggregation: 'sum', field: 'tokens' })
      .expect(201);
    await a
      .auth(t.http.post('/api/v1/billable-metrics'))
      .send({ code: 'calls', name: 'Calls', aggregation: 'count' })
      .expect(201);
  });
  afterAll(() => t.close());

  it('counts each of 10,000 events exactly once when 10% are resent in concurrent batches', async () => {
    const unique = Array.from({ length: 9000 }, (_, i) => ({
      eventId: `e-${i}`,
      customerId,
      metric: 'tokens',
      timestamp: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(),
      properties: { tokens: (i % 7) + 1 },
    }));
    const expectedSum = unique.reduce((s, e) => s + e.properties.tokens, 0);
    const resent = Array.from({ length: 1000 }, (_, i) => unique[(i * 7919) % 9000]);
    const all = [...unique, ...resent].sort(() => Math.random() - 0.5);
    let accepted = 0;
    let duplicates = 0;
    await inBatches(all, 1000, 4, async (events) => {
      const res = await a.auth(t.http.post('/api/v1/usage/events')).send({ events }).expect(202);
      accepted += res.body.accepted;
      duplicates += res.body.duplicates;
      expect(res.body.rejected).toBe(0);
    });
    expect(accepted).toBe(9000);
    expect(duplicates).toBe(1000);
    const summary = await a
      .auth(t.http.get('/api/v1/usage/summary'))
      .query({ customer: customerId, from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' })
      .expect(200);
    expect(summary.body.data).toEqual([
      { metricCode: 'tokens', aggregation: 'sum', value: String(expectedSum), events: 9000 },
    ]);
    // A full replay changes nothing.
    const replay = await a
      .auth(t.http.post('/api/v1/usage/events'))
      .send({ events: unique.slice(0, 1000) })
      .expect(202);
    expect(replay.body).toMatchObject({ accepted: 0, duplicates: 1000, rejected: 0 });
  });

  it('rejects bad events one by one and keeps the good ones of the batch', async () => {
    const ts = '2026-11-15T10:00:00Z';
    const events = [
      { eventId: 'ok-1', customerId, metric: 'calls', timestamp: ts },
      { eventId: 'bad-field', customerId, metric: 'calls', timestamp: ts, color: 'red' },
      { eventId: 'bad-ts', customerId, metric: 'calls', timestamp: 'yesterday' },
      { eventId: 'future', customerId, metric: 'calls', timestamp: '2999-01-01T00:00:00Z' },
      { eventId: 'nan', customerId, metric: 'tokens', timestamp: ts, properties: { tokens: 'lots' } },
      { eventId: 'missing', customerId, metric: 'tokens', timestamp: ts, properties: {} },
      { eventId: 'nested', customerId, metric: 'calls', timestamp: ts, properties: { a: { b: 1 } } },
      { eventId: 'who', externalCustomerId: 'nobody', metric: 'calls', timestamp: ts },
      { eventId: 'what', customerId, metric: 'nope', timestamp: ts },
      'not an object',
      {
        eventId: 'ok-2',
        externalCustomerId: 'acme',
        metric: 'tokens',
        timestamp: ts,
        properties: { tokens: '12.5' },
      },
    ];
    const res = await a.auth(t.http.post('/api/v1/usage/events')).send({ events }).expect(202);
    expect(res.body).toMatchObject({ accepted: 2, duplicates: 0, rejected: 9 });
    expect(
      res.body.rejections.map((r: { eventId: string; reason: string }) => [r.eventId, r.reason]),
    ).toEqual([
      ['bad-field', 'unknown_fields'],
      ['bad-ts', 'invalid_timestamp'],
      ['future', 'timestamp_in_future'],
      ['nan', 'bad_properties'],
      ['missing', 'bad_properties'],
      ['nested', 'bad_properties'],
      ['who', 'unknown_customer'],
      ['what', 'unknown_metric'],
      [null, 'invalid_event'],
    ]);
  });

  it('rejects a malformed batch envelope with 400', async () => {
    await a.auth(t.http.post('/api/v1/usage/events')).send({ events: [] }).expect(400);
    await a.auth(t.http.post('/api/v1/usage/events')).send({ events: 'x' }).expect(400);
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ eventId: `x${i}` }));
    await a.auth(t.http.post('/api/v1/usage/events')).send({ events: tooMany }).expect(400);
  });

  it('groups the summary by day in the customer timezone and by agent', async () => {
    const c = await a
      .auth(t.http.post('/api/v1/customers'))
      .send({ name: 'Tokyo', currency: 'USD', timezone: 'Asia/Tokyo' })
      .expect(201);
    const agent = randomUUID();
    const events = [
      {
        eventId: `d1-${agent}`,
        customerId: c.body.id,
        metric: 'calls',
        agentId: agent,
        timestamp: '2026-11-01T14:59:00Z',
      }, // Nov 1 23:59 JST
      {
        eventId: `d2-${agent}`,
        customerId: c.body.id,
        metric: 'calls',
        agentId: agent,
        timestamp: '2026-11-01T15:00:00Z',
      }, // Nov 2 00:00 JST
      { eventId: `d3-${agent}`, customerId: c.body.id, metric: 'calls', timestamp: '2026-11-01T16:00:00Z' },
    ];
    await a.auth(t.http.post('/api/v1/usage/events')).send({ events }).expect(202);
    const q = { customer: c.body.id, from: '2026-10-31T15:00:00Z', to: '2026-11-30T15:00:00Z' };
    const byDay = await a
      .auth(t.http.get('/api/v1/usage/summary'))
      .query({ ...q, groupBy: 'day' })
      .expect(200);
    expect(byDay.body.data.map((r: { day: string; value: string }) => [r.day, r.value])).toEqual([
      ['2026-11-01', '1'],
      ['2026-11-02', '2'],
    ]);
    const byAgent = await a
      .auth(t.http.get('/api/v1/usage/summary'))
      .query({ ...q, groupBy: 'agent' })
      .expect(200);
    expect(
      byAgent.body.data.map((r: { agentId: string | null; value: string }) => [r.agentId, r.value]).sort(),
    ).toEqual(
      [
        [agent, '2'],
        [null, '1'],
      ].sort(),
    );
  });

  it('combines hourly rollups with raw events for ranges that cut hours', async () => {
    const c = await a
      .auth(t.http.post('/api/v1/customers'))
      .send({ name: 'Edges', currency: 'USD' })
      .expect(201);
    const at = ['10:15', '10:45', '11:30', '12:10', '12:20'];
    const events = at.map((hm, i) => ({
      eventId: `edge-${c.body.id}-${i}`,
      customerId: c.body.id,
      metric: 'tokens',
      timestamp: `2026-11-03T${hm}:00Z`,
      properties: { tokens: 10 ** i },
    }));
    await a.auth(t.http.post('/api/v1/usage/events')).send({ events }).expect(202);
    const sum = async (from: string, to: string) =>
      (await a.auth(t.http.get('/api/v1/usage/summary')).query({ customer: c.body.id, from, to }).expect(200))
        .body.data[0]?.value;
    expect(await sum('2026-11-03T10:30:00Z', '2026-11-03T12:15:00Z')).toBe('1110'); // 10 + 100 + 1000
    expect(await sum('2026-11-03T10:00:00Z', '2026-11-03T13:00:00Z')).toBe('11111');
    expect(await sum('2026-11-03T10:20:00Z', '2026-11-03T10:50:00Z')).toBe('10');
  });

  it('flags events older than the open billing period as late and bills them in the open period', async () => {
    const c = await a
      .auth(t.http.post('/api/v1/customers'))
      .send({ name: 'Late', currency: 'USD' })
      .expect(201);
    const plan = await a
      .auth(t.http.post('/api/v1/plans'))
      .send({ code: `late-${randomUUID()}`, name: 'Late', currency: 'USD', interval: 'month', charges: [] })
      .expect(201);
    const sub = await a
      .auth(t.http.post('/api/v1/subscriptions'))
      .send({ customerId: c.body.id, planId: plan.body.id, startDate: '2026-10-01' })
      .expect(201);
    // October is invoiced: the subscription's open period is November.
    await t.app.get(DataSource).query(
      `UPDATE subscriptions SET period_index = 1, current_period_start = '2026-11-01T00:00:00Z',
                current_period_end = '2026-12-01T00:00:00Z' WHERE id = $1`,
      [sub.body.id],
    );
    const events = [
      { eventId: 'late-1', customerId: c.body.id, metric: 'calls', timestamp: '2026-10-20T00:00:00Z' },
      { eventId: 'late-2', customerId: c.body.id, metric: 'calls', timestamp: '2026-11-03T00:00:00Z' },
    ];
    const res = await a.auth(t.http.post('/api/v1/usage/events')).send({ events }).expect(202);
    expect(res.body).toMatchObject({ accepted: 2, late: 1 });
    const summary = await a
      .auth(t.http.get('/api/v1/usage/summary'))
      .query({ customer: c.body.id, from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' })
      .expect(200);
    expect(summary.body.data[0]).toMatchObject({ metricCode: 'calls', value: '2' });
  });

  it('takes Chat usage through the sink: built-in metrics on demand, idempotent per event id', async () => {
    const sink = t.app.get(UsageEventSink);
    const tenantId = a.tenantId as TenantId;
    const events: UsageEvent[] = [
      {
        tenantId,
        eventId: 'chat-1:prompt',
        metricCode: 'llm_prompt_tokens',
        customer: { id: customerId },
        timestamp: new Date('2026-11-20T00:00:00Z'),
        properties: { tokens: 800, cost: '0.0012' },
      },
      {
        tenantId,
        eventId: 'chat-1:request',
        metricCode: 'agent_requests',
        customer: { externalId: 'acme' },
        timestamp: new Date('2026-11-20T00:00:00Z'),
        properties: { requests: 1 },
      },
      {
        tenantId,
        eventId: 'chat-2:prompt',
        metricCode: 'llm_prompt_tokens',
        timestamp: new Date('2026-11-20T00:00:00Z'),
        properties: { tokens: 5 },
      },
    ];
    await sink.ingest(events);
    await sink.ingest(events);
    const summary = await a
      .auth(t.http.get('/api/v1/usage/summary'))
      .query({ customer: 'acme', from: '2026-11-20T00:00:00Z', to: '2026-11-21T00:00:00Z' })
      .expect(200);
    expect(summary.body.data).toEqual([
      { metricCode: 'agent_requests', aggregation: 'count', value: '1', events: 1 },
      { metricCode: 'llm_prompt_tokens', aggregation: 'sum', value: '800', events: 1 },
    ]);
    const metrics = await a.auth(t.http.get('/api/v1/billable-metrics')).expect(200);
    expect(metrics.body.items.map((m: { code: string }) => m.code)).toEqual(
      expect.arrayContaining(['llm_prompt_tokens', 'agent_requests']),
    );
  });

  it('keeps tenants apart: foreign metrics and customers answer 404, same event ids do not collide', async () => {
    const metrics = await a.auth(t.http.get('/api/v1/billable-metrics')).expect(200);
    const metricId = metrics.body.items[0].id;
    await b.auth(t.http.get(`/api/v1/billable-metrics/${metricId}`)).expect(404);
    await b
      .auth(t.http.get('/api/v1/usage/summary'))
      .query({ customer: customerId, from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' })
      .expect(404);
    const bc = await b
      .auth(t.http.post('/api/v1/customers'))
      .send({ name: 'B', currency: 'USD' })
      .expect(201);
    await b
      .auth(t.http.post('/api/v1/billable-metrics'))
      .send({ code: 'calls', name: 'Calls', aggregation: 'count' })
      .expect(201);
    const res = await b
      .auth(t.http.post('/api/v1/usage/events'))
      .send({
        events: [
          { eventId: 'e-1', customerId: bc.body.id, metric: 'calls', timestamp: '2026-11-02T00:00:00Z' },
        ],
      })
      .expect(202);
    expect(res.body.accepted).toBe(1);
    // A's customer id is unknown in B.
    const foreign = await b
      .auth(t.http.post('/api/v1/usage/events'))
      .send({ events: [{ eventId: 'x-1', customerId, metric: 'calls', timestamp: '2026-11-02T00:00:00Z' }] })
      .expect(202);
    expect(foreign.body.rejections[0].reason).toBe('unknown_customer');
  });
});
