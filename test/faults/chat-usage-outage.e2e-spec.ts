import { Client } from 'pg';
import Redis from 'ioredis';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';
import { createApiKey, signUp } from '../support/auth';
import { FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai';
import { chatEnv, parseSse, waitFor } from '../fakes/fake-openai-setup';
import { until } from '../support/until';
import { capTenant, spendCap } from '../support/budgets';
import { dec } from '../../src/shared/domain/money';
import { FaultProxy } from './support/fault-proxy';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Chat calls in flight when Redis (then Redis and Postgres) goes down: every call the provider completed
 * is answered as completed, ends in exactly one usage row, and the spend counters settle to the recorded
 * cost once Redis is back. The app reaches both stores through fault proxies; the test observes them
 * directly.
 */
describe('chat usage and spend when a store goes down mid-call', () => {
  let fake: FakeOpenAi;
  let redisProxy: FaultProxy;
  let pgProxy: FaultProxy;
  let app: TestApp;
  let db: Client;
  let redis: Redis;
  const prefix = `${process.env.REDIS_KEY_PREFIX}_faultchat`;

  beforeAll(async () => {
    // BullMQ prints every refused reconnection of its queues; the outages here are deliberate.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    fake = await startFakeOpenAi();
    redisProxy = await FaultProxy.inFrontOf(REDIS_URL);
    pgProxy = await FaultProxy.inFrontOf(process.env.DATABASE_URL!);
    app = await startTestApp({
      env: chatEnv(fake, {
        REDIS_URL: redisProxy.url,
        DATABASE_URL: pgProxy.url,
        REDIS_KEY_PREFIX: prefix,
        CHAT_USAGE_SPOOL_DIR: mkdtempSync(join(tmpdir(), 'tollgate-spool-')),
        CHAT_USAGE_SPOOL_REPLAY_MS: '200',
        CHAT_SETTLE_RETRY_MS: '100',
        REDIS_COMMAND_TIMEOUT_MS: '500',
        DATABASE_CONNECT_TIMEOUT_MS: '1000',
      }),
    });
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    fake.release();
    redisProxy.pass();
    pgProxy.pass();
    await app.close();
    await Promise.all([db.end(), redis.quit(), redisProxy.close(), pgProxy.close(), fake.close()]);
  });

  /** A tenant with an API key and a spend budget (through Billing's port) its calls reserve against. */
  const tenantWithBudget = async () => {
    const owner = await signUp(app);
    const key = await createApiKey(app, owner, ['chat:invoke']);
    const budget = spendCap(`fault:${owner.tenantId}`, '1');
    capTenant(app, owner.tenantId, budget);
    return { tenantId: owner.tenantId, key: key.key, counter: `${prefix}:budget:${budget.key}` };
  };

  /** n completion calls (alternately JSON and streamed) held by the fake provider until release(). */
  const callsHeldUpstream = async (key: string, n: number, tag: string) => {
    const before = fake.requests.length;
    const calls = Array.from({ length: n }, (_, i) =>
      app.http
        .post('/v1/chat/completions')
        .set('X-API-Key', key)
        .send({
          model: 'gpt-4o-mini',
          max_tokens: 20,
          stream: i % 2 === 1,
          messages: [{ role: 'user', content: `${tag} ${i} [hold]` }],
        })
        .then((r) => r),
    );
    await waitFor(async () => fake.requests.length - before === n, 10_000);
    return calls;
  };

  const usageRows = async (tenantId: string) =>
    (
      await db.query<{ id: string; cost: string; status: string }>(
        'SELECT id, cost::text AS cost, status FROM llm_usage WHERE tenant_id = $1',
        [tenantId],
      )
    ).rows;

  const nanos = (rows: Array<{ cost: string }>) =>
    rows.reduce((sum, r) => sum.plus(dec(r.cost).times(1e9).ceil()), dec(0)).toNumber();

  const expectCompleted = (responses: Array<{ status: number; text: string; body: unknown }>) => {
    for (const r of responses) {
      expect(r.status).toBe(200);
      if (r.text.startsWith('data:')) {
        const events = parseSse(r.text);
        expect(events.at(-1)?.data).toBe('[DONE]');
        expect(events.some((e) => e.data.includes('"error"'))).toBe(false);
      }
    }
  };

  it('Redis cut with 4 calls upstream: 4 completed answers, 4 usage rows, counters match once Redis is back', async () => {
    const t = await tenantWithBudget();
    const calls = await callsHeldUpstream(t.key, 4, 'redis-cut');
    redisProxy.refuse();
    fake.release();
    const responses = await Promise.all(calls);
    expectCompleted(responses);

    // The records were written before the answers went out: no worker runs in this app.
    const rows = await usageRows(t.tenantId);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.status === 'completed')).toBe(true);

    redisProxy.pass();
    const counter = await until(
      () => redis.get(t.counter).then(Number),
      (v) => v === nanos(rows),
    );
    expect(counter).toBe(nanos(rows));
  });

  it('Redis and Postgres down: usage is spooled (depth metric), stored exactly once when they return', async () => {
    const t = await tenantWithBudget();
    const calls = await callsHeldUpstream(t.key, 3, 'both-down');
    redisProxy.refuse();
    pgProxy.refuse();
    fake.release();
    const responses = await Promise.all(calls);
    expectCompleted(responses);
    const metrics = await app.http.get('/metrics').expect(200);
    expect(metrics.text).toMatch(/^chat_usage_spool_depth 3$/m);

    pgProxy.pass();
    redisProxy.pass();
    const rows = await until(
      () => usageRows(t.tenantId),
      (r) => r.length >= 3,
    );
    expect(rows).toHaveLength(3);
    const after = await until(
      () => app.http.get('/metrics').then((r) => r.text),
      (text) => /^chat_usage_spool_depth 0$/m.test(text),
    );
    expect(after).toMatch(/^chat_usage_spool_depth 0$/m);
    const counter = await until(
      () => redis.get(t.counter).then(Number),
      (v) => v === nanos(rows),
    );
    expect(counter).toBe(nanos(rows));
  });

  it('a spool left by a process that died is replayed when the next one starts', async () => {
    const t = await tenantWithBudget();
    const dir = mkdtempSync(join(tmpdir(), 'tollgate-spool-'));
    const ids = [randomUUID(), randomUUID()];
    const record = (id: string) => ({
      id,
      tenantId: t.tenantId,
      agentId: null,
      conversationId: null,
      apiKeyId: null,
      userId: null,
      customer: null,
      endpoint: 'chat_completions',
      provider: 'default',
      model: 'gpt-4o-mini',
      promptTokens: 12,
      completionTokens: 30,
      cost: '0.0000198',
      promptCost: '0.0000018',
      completionCost: '0.000018',
      currency: 'USD',
      latencyMs: 40,
      status: 'completed',
      errorCode: null,
      occurredAt: new Date().toISOString(),
    });
    // The second line was cut short by the crash: its append never returned, so it is dropped.
    writeFileSync(
      join(dir, 'usage.ndjson'),
      ids.map((id) => JSON.stringify(record(id)) + '\n').join('') + '{"id":"cut sh',
    );
    const next = await startTestApp({ env: { CHAT_USAGE_SPOOL_DIR: dir, REDIS_KEY_PREFIX: prefix } });
    try {
      const rows = await until(
        () => usageRows(t.tenantId),
        (r) => r.length >= 2,
      );
      expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    } finally {
      await next.close();
    }
  });
});
