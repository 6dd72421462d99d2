import { startTestApp } from '../support/test-app';
import { signUp } from '../support/auth';
import { FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai';
import { chatEnv, sql, waitFor } from '../fakes/fake-openai-setup';
import { UsageEvent, UsageEventSink } from '../../src/shared/contracts/metering';
import { StoreUsageRecords } from '../../src/modules/chat/application/store-usage-records.use-case';
import { UsageBuffer, UsageRecord } from '../../src/modules/chat/domain/usage-record';
import { usageStreamKey } from '../../src/modules/chat/adapters/redis-usage-buffer';
import { RedisClient } from '../../src/shared/redis/redis.module';
import { randomUUID } from 'node:crypto';

describe('usage records: durable buffer, batch insert, idempotent hand-off to Billing', () => {
  let fake: FakeOpenAi;
  const env = () => chatEnv(fake);
  beforeAll(async () => {
    fake = await startFakeOpenAi();
  });
  afterAll(() => fake.close());

  it('keeps usage buffered while no worker runs (API process gone) and stores it once a worker starts', async () => {
    const api = await startTestApp({ env: env() });
    const owner = await signUp(api);
    const agent = await owner
      .auth(api.http.post('/api/v1/agents'))
      .send({ name: 'U', slug: 'usage', model: 'gpt-4o-mini' })
      .expect(201);
    const answers = await Promise.all(
      [1, 2, 3].map((i) =>
        owner
          .auth(api.http.post(`/api/v1/agents/${agent.body.id}/chat`))
          .send({ message: `count ${i}` })
          .expect(200),
      ),
    );
    // Billing's sink is recorded on its class, before the worker starts: the worker may hand the records
    // over while it is still starting, before any instance could be patched.
    const sinkClass = Object.getPrototypeOf(api.app.get(UsageEventSink)) as UsageEventSink;
    await api.close(); // the API process dies with 3 acknowledged records and no worker has run

    const received: UsageEvent[] = [];
    const ingest = sinkClass.ingest;
    sinkClass.ingest = async function (this: UsageEventSink, events: UsageEvent[]) {
      received.push(...events);
      return ingest.call(this, events);
    };
    const worker = await startTestApp({ workers: true, env: env() });
    try {
      const rows = await waitFor(async () => {
        const r = await sql(worker, 'SELECT * FROM llm_usage WHERE tenant_id = $1 ORDER BY id', [
          owner.tenantId,
        ]);
        return r.length === 3 && r;
      }, 10000);
      expect(rows.map((r) => r.conversation_id).sort()).toEqual(
        answers.map((a) => a.body.conversationId).sort(),
      );

      // Replaying the same records (a retried batch) changes nothing and re-sends the same event ids.
      await waitFor(async () => received.length === 9);
      const records = rows.map((r) => ({
        id: r.id,
        tenantId: r.tenant_id,
        agentId: r.agent_id,
        conversationId: r.conversation_id,
        apiKeyId: r.api_key_id,
        userId: r.user_id,
        customer: null,
        endpoint: r.endpoint,
        provider: r.provider,
        model: r.model,
        promptTokens: r.prompt_tokens,
        completionTokens: r.completion_tokens,
        cost: r.cost,
        promptCost: '0',
        completionCost: r.cost,
        currency: r.currency,
        latencyMs: r.latency_ms,
        status: r.status,
        errorCode: null,
        occurredAt: r.occurred_at.toISOString(),
      }));
      await worker.app.get(StoreUsageRecords).execute(records);
      expect(
        await sql(worker, 'SELECT 1 FROM llm_usage WHERE tenant_id = $1', [owner.tenantId]),
      ).toHaveLength(3);
      const ids = received.map((e) => e.eventId);
      expect(new Set(ids.slice(0, 9))).toEqual(new Set(ids.slice(9)));
      expect(
        received
          .slice(0, 9)
          .map((e) => e.metricCode)
          .sort(),
      ).toEqual([
        ...Array(3).fill('agent_requests'),
        ...Array(3).fill('llm_completion_tokens'),
        ...Array(3).fill('llm_prompt_tokens'),
      ]);
      const prompt = received.find(
        (e) => e.metricCode === 'llm_prompt_tokens' && e.eventId.startsWith(rows[0].id),
      )!;
      expect(prompt).toMatchObject({
        tenantId: owner.tenantId,
        agentId: agent.body.id,
        properties: { tokens: rows[0].prompt_tokens },
      });
    } finally {
      sinkClass.ingest = ingest;
      await worker.close();
    }
  });

  it('parks a record that can never be stored (unknown organization) and stores the rest of its batch', async () => {
    const api = await startTestApp({ env: env() });
    const owner = await signUp(api);
    const record = (tenantId: string): UsageRecord => ({
      id: randomUUID(),
      tenantId,
      agentId: null,
      conversationId: null,
      apiKeyId: null,
      userId: owner.userId,
      customer: null,
      endpoint: 'chat_completions',
      provider: 'default',
      model: 'gpt-4o-mini',
      promptTokens: 10,
      completionTokens: 5,
      cost: '0.0000045',
      promptCost: '0.0000015',
      completionCost: '0.000003',
      currency: 'USD',
      latencyMs: 12,
      status: 'completed',
      errorCode: null,
      occurredAt: new Date().toISOString(),
    });
    const good = record(owner.tenantId);
    const poison = record(randomUUID());
    const buffer = api.app.get(UsageBuffer);
    await buffer.append(poison);
    await buffer.append(good);
    await api.close();

    const worker = await startTestApp({ workers: true, env: env() });
    try {
      await waitFor(
        async () => (await sql(worker, 'SELECT 1 FROM llm_usage WHERE id = $1', [good.id])).length === 1,
        10000,
      );
      const dead = await waitFor(async () => {
        const entries = await worker.app
          .get(RedisClient)
          .xrange(`${usageStreamKey(worker.config)}:dead`, '-', '+');
        return entries.find(([, fields]) => fields[1].includes(poison.id));
      });
      expect(dead[1][3]).toMatch(/foreign key/);
    } finally {
      await worker.close();
    }
  });
});
