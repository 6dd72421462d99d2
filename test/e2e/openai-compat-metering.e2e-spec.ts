import OpenAI from 'openai';
import { startTestApp, TestApp } from '../support/test-app';
import { createApiKey, signUp, SignedUp } from '../support/auth';
import { FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai';
import { chatEnv, sql, waitFor } from '../fakes/fake-openai-setup';
import { capTenant, spendCap } from '../support/budgets';
import { dec } from '../../src/shared/domain/money';
import { RedisClient } from '../../src/shared/redis/redis.module';

/**
 * The metering around POST /v1/chat/completions, through the official openai client where it can be used:
 * usage recorded exactly as the provider counted it (JSON and stream), an aborted stream recorded with the
 * tokens so far, per-key requests per minute, a spend cap under a concurrent burst, and the request schema.
 */
describe('OpenAI-compatible /v1/chat/completions: usage, aborts, limits, budgets, validation', () => {
  let fake: FakeOpenAi;
  let t: TestApp;
  let owner: SignedUp;

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    t = await startTestApp({
      listen: true,
      workers: true,
      env: chatEnv(fake, { CHAT_RPM_PER_KEY: '40', CHAT_RPM_PER_TENANT: '100000' }),
    });
    owner = await signUp(t);
    await owner
      .auth(t.http.post('/api/v1/agents'))
      .send({ name: 'Meter', slug: 'meter', model: 'gpt-4o-mini', maxTokens: 20 })
      .expect(201);
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  const clientFor = async () => {
    const key = await createApiKey(t, owner, ['chat:invoke']);
    return { key, client: new OpenAI({ baseURL: `${t.url}/v1`, apiKey: key.key, maxRetries: 0 }) };
  };
  const usageOf = (keyId: string, n = 1) =>
    waitFor(async () => {
      const rows = await sql(t, `SELECT * FROM llm_usage WHERE api_key_id = $1 ORDER BY occurred_at`, [
        keyId,
      ]);
      return rows.length >= n && rows;
    });

  it('records the provider-counted usage and its cost exactly, plain and streamed', async () => {
    const { key, client } = await clientFor();
    const plain = await client.chat.completions.create({
      model: 'agent:meter',
      messages: [{ role: 'user', content: 'count me' }],
    });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'count me too [long:7]' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let streamed: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) if (chunk.usage) streamed = chunk.usage;

    const rows = await usageOf(key.id, 2);
    const byModel = (agent: boolean) => rows.find((r) => (r.agent_id !== null) === agent);
    for (const [row, usage] of [
      [byModel(true), plain.usage!],
      [byModel(false), streamed!],
    ] as const) {
      expect(row).toMatchObject({
        status: 'completed',
        endpoint: 'chat_completions',
        prompt_tokens: usage.prompt_tokens,
        completion_tokens: usage.completion_tokens,
      });
      // gpt-4o-mini: 0.15 per million prompt tokens, 0.60 per million completion tokens.
      const cost = dec(usage.prompt_tokens)
        .times('0.15')
        .plus(dec(usage.completion_tokens).times('0.60'))
        .div(1e6);
      expect(dec(row.cost).eq(cost)).toBe(true);
    }
  });

  it('an aborted stream cancels the upstream call and is recorded as aborted with the tokens so far', async () => {
    const { key, client } = await clientFor();
    fake.reset();
    const stream = await client.chat.completions.create({
      model: 'agent:meter',
      messages: [{ role: 'user', content: 'a long story [long:200] [drip:20]' }],
      stream: true,
    });
    let chunks = 0;
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) chunks++;
      if (chunks === 5) break; // leaving the loop aborts the request
    }
    await waitFor(async () => fake.requests[0]?.aborted);
    expect(fake.requests[0].finished).toBe(false);
    const [row] = await usageOf(key.id);
    expect(row.status).toBe('aborted');
    expect(row.prompt_tokens).toBeGreaterThan(0);
    expect(row.completion_tokens).toBeGreaterThan(0);
    expect(row.completion_tokens).toBeLessThan(200);
  });

  it('answers 429 (RateLimitError in the SDK) once the per-key requests per minute are used up', async () => {
    const { client } = await clientFor();
    const ask = () =>
      client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    for (let i = 0; i < 40; i++) await ask();
    const error = await ask().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(
      Number((error as InstanceType<typeof OpenAI.RateLimitError>).headers?.get('retry-after')),
    ).toBeGreaterThan(0);
    // per key: a second key of the same organization still passes
    await (
      await clientFor()
    ).client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
    });
  });

  it('200 concurrent requests against a budget covering 50 never overspend', async () => {
    const other = await signUp(t);
    await other
      .auth(t.http.post('/api/v1/agents'))
      .send({ name: 'Race', slug: 'race', model: 'gpt-4o-mini', maxTokens: 20 })
      .expect(201);
    const keys = await Promise.all(Array.from({ length: 5 }, () => createApiKey(t, other, ['chat:invoke'])));
    // Worst case per request: 'race 000 [slow:800]' is estimated at 3 + 4 + ceil(19 / 4) = 12 prompt tokens,
    // reserved as ceil(12 * 1.25) + 16 = 31 at 0.15/M, plus 20 max tokens at 0.60/M.
    const limit = dec(31).times('0.15').plus(dec(20).times('0.60')).div(1e6).times(50);
    capTenant(t, other.tenantId, spendCap(`v1race:${other.tenantId}`, limit.toFixed()));

    const statuses = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const res = await fetch(`${t.url}/v1/chat/completions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${keys[i % 5].key}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            model: 'agent:race',
            messages: [{ role: 'user', content: `race ${String(i).padStart(3, '0')} [slow:800]` }],
            stream: i % 2 === 0,
          }),
        });
        await res.text();
        return res.status;
      }),
    );
    const ok = statuses.filter((s) => s === 200).length;
    expect(ok + statuses.filter((s) => s === 402).length).toBe(200);
    expect(ok).toBeGreaterThanOrEqual(50);
    const rows = await waitFor(async () => {
      const r = await sql(
        t,
        `SELECT count(*)::int AS n, coalesce(sum(cost), 0)::text AS spent FROM llm_usage WHERE tenant_id = $1`,
        [other.tenantId],
      );
      return r[0].n === ok && r;
    }, 15000);
    expect(dec(rows[0].spent).lte(limit)).toBe(true);
  });

  /**
   * The Redis commands sent while one completion of a fresh organization with a spend cap is answered, each
   * as its name and arguments in one string, stamped with the event-loop turn it left in (a setImmediate
   * ticker counts turns).
   */
  const commandsOfOneCompletion = async (cap: string) => {
    const other = await signUp(t);
    const key = await createApiKey(t, other, ['chat:invoke']);
    capTenant(t, other.tenantId, spendCap(`${cap}:${other.tenantId}`, '100'));
    const redis = t.app.get(RedisClient);
    const sent: Array<{ text: string; turn: number }> = [];
    let turn = 0;
    let ticking = true;
    const tick = () => {
      turn++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const send = redis.sendCommand.bind(redis);
    const spy = jest.spyOn(redis, 'sendCommand').mockImplementation((command, ...rest) => {
      sent.push({ text: [command.name, ...command.args.map(String)].join(' '), turn });
      return send(command, ...rest);
    });
    try {
      await new OpenAI({ baseURL: `${t.url}/v1`, apiKey: key.key, maxRetries: 0 }).chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'one completion' }],
      });
    } finally {
      spy.mockRestore();
      ticking = false;
    }
    return { tenantId: other.tenantId, scripts: sent.filter((c) => c.text.startsWith('evalsha ')) };
  };

  it('sends the spend settlement and the usage record to Redis in the same event-loop turn', async () => {
    const { scripts } = await commandsOfOneCompletion('v1turn');
    // The close script's mode argument names a settlement.
    const settlement = scripts.find((c) => c.text.split(' ').includes('settle'));
    const append = scripts.find((c) => c.text.includes(':usage:records'));
    expect(settlement).toBeDefined();
    expect(append).toBeDefined();
    expect(settlement!.turn).toBe(append!.turn);
  });

  it('checks its rate limits and reserves its worst case in one Redis command', async () => {
    const { tenantId, scripts } = await commandsOfOneCompletion('v1gate');
    const admissions = scripts.filter((c) => c.text.includes(`:rl:rpm:${tenantId}`));
    expect(admissions).toHaveLength(1);
    expect(admissions[0].text).toContain(`:budget:v1gate:${tenantId}`);
  });

  it('validates the body: unknown fields and bad values are a 400 listing each field; null optionals pass', async () => {
    const key = await createApiKey(t, owner, ['chat:invoke']);
    const post = (body: unknown) =>
      t.http
        .post('/v1/chat/completions')
        .set('Authorization', `Bearer ${key.key}`)
        .send(body as object);
    const bad = await post({
      model: 'gpt-4o-mini',
      messages: [{ role: 'wizard', content: 'x', colour: 'red' }],
      n: 2,
      temperature: 3,
      surprise: true,
    }).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['messages[0].colour', 'messages[0].role', 'n', 'surprise', 'temperature'].sort(),
    );
    await post({ model: 'gpt-4o-mini', messages: [] }).expect(400);
    await post({ messages: [{ role: 'user', content: 'x' }] }).expect(400);
    await post([1, 2]).expect(400);
    await post({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'x', name: null }],
      temperature: null,
      max_tokens: null,
      stop: null,
      stream_options: null,
    }).expect(200);
  });
});
