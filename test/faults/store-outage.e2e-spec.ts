import { startTestApp, TestApp } from '../support/test-app';
import { createApiKey, signUp } from '../support/auth';
import { FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai';
import { chatEnv, sql } from '../fakes/fake-openai-setup';
import { SpendGuard } from '../../src/modules/chat/domain/limits.port';
import { RedisSpendGuard } from '../../src/modules/chat/adapters/redis-spend-guard';
import { until } from '../support/until';
import { FaultProxy } from './support/fault-proxy';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const REQUEST_TIMEOUT_MS = 3000;

/**
 * Postgres or Redis refused or frozen: requests that need them get a fast 503 problem+json with
 * Retry-After (never a 500, never a wait past the request deadline), readiness names what is down, and
 * everything recovers once the store is back, without a restart. A completion the instance's admission
 * leases still cover does not need Redis before the provider call: it is answered, its usage recorded in
 * Postgres. Leases lend for 10 s here; with 200 requests a minute per key, a key's lease is 12 requests.
 */
describe('store outages at the HTTP edge', () => {
  let fake: FakeOpenAi;
  let redisProxy: FaultProxy;
  let pgProxy: FaultProxy;
  let app: TestApp;
  let agentsOf: () => Promise<{ status: number; headers: Record<string, string>; body: any; ms: number }>;
  let chat: (
    apiKey?: string,
  ) => Promise<{ status: number; headers: Record<string, string>; body: any; ms: number }>;
  let owner: Awaited<ReturnType<typeof signUp>>;

  const timed = async (req: PromiseLike<{ status: number; headers: any; body: any }>) => {
    const started = Date.now();
    const res = await req;
    return { status: res.status, headers: res.headers, body: res.body, ms: Date.now() - started };
  };

  beforeAll(async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    fake = await startFakeOpenAi();
    redisProxy = await FaultProxy.inFrontOf(REDIS_URL);
    pgProxy = await FaultProxy.inFrontOf(process.env.DATABASE_URL!);
    app = await startTestApp({
      env: chatEnv(fake, {
        REDIS_URL: redisProxy.url,
        DATABASE_URL: pgProxy.url,
        REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
        DATABASE_CONNECT_TIMEOUT_MS: '500',
        DATABASE_STATEMENT_TIMEOUT_MS: '500',
        REDIS_COMMAND_TIMEOUT_MS: '500',
        CHAT_ADMISSION_LEASE_MS: '10000',
        CHAT_RPM_PER_KEY: '200',
      }),
    });
    owner = await signUp(app);
    const key = await createApiKey(app, owner, ['chat:invoke', 'agents:read']);
    agentsOf = () => timed(app.http.get('/api/v1/agents').set('X-API-Key', key.key).timeout(10_000));
    chat = (apiKey = key.key) =>
      timed(
        app.http
          .post('/v1/chat/completions')
          .set('X-API-Key', apiKey)
          .send({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })
          .timeout(10_000),
      );
    // Warm the key's cache so the outage cases below reach the store they are about.
    expect((await agentsOf()).status).toBe(200);
    expect((await chat()).status).toBe(200);
  });
  afterAll(async () => {
    redisProxy.pass();
    pgProxy.pass();
    await app.close();
    await Promise.all([redisProxy.close(), pgProxy.close(), fake.close()]);
  });

  const expect503 = (res: { status: number; headers: Record<string, string>; body: any; ms: number }) => {
    expect({ status: res.status, code: res.body.code }).toEqual({
      status: 503,
      code: expect.stringMatching(/^(store_unavailable|request_timeout)$/),
    });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 1000);
  };
  const readiness = () => app.http.get('/health/ready').timeout(10_000);
  const recovers = async (call: () => Promise<{ status: number }>) => {
    const res = await until(call, (r) => r.status === 200, 15_000);
    expect(res.status).toBe(200);
    const ready = await until(readiness, (r) => r.status === 200, 15_000);
    expect(ready.status).toBe(200);
  };

  it('Postgres refusing connections: 503 + Retry-After, readiness names postgres, then recovery', async () => {
    pgProxy.refuse();
    expect503(await agentsOf());
    const ready = await readiness();
    expect(ready.status).toBe(503);
    expect(Object.keys(ready.body.error ?? {})).toEqual(['postgres']);
    pgProxy.pass();
    await recovers(agentsOf);
  });

  it('Postgres frozen: 503 within the request deadline, then recovery when it thaws', async () => {
    pgProxy.stall();
    expect503(await agentsOf());
    expect((await readiness()).status).toBe(503);
    pgProxy.pass();
    await recovers(agentsOf);
  });

  /** With no lease out, a completion needs Redis before the provider call. */
  const retireLeases = () => (app.app.get(SpendGuard) as RedisSpendGuard).retireLeases();

  it('Redis refusing connections: 503 + Retry-After for chat, readiness names redis, then recovery', async () => {
    await retireLeases();
    redisProxy.refuse();
    expect503(await chat());
    const ready = await readiness();
    expect(ready.status).toBe(503);
    expect(Object.keys(ready.body.error ?? {})).toEqual(['redis']);
    redisProxy.pass();
    await recovers(chat);
  });

  it('Redis frozen: 503 within the deadline, then recovery', async () => {
    await retireLeases();
    redisProxy.stall();
    expect503(await chat());
    expect((await readiness()).status).toBe(503);
    redisProxy.pass();
    await recovers(chat);
  });

  it('Redis frozen with leases out: the completions they cover are answered and recorded, the next gets 503', async () => {
    const key = await createApiKey(app, owner, ['chat:invoke']);
    // Through Redis: admits this one and takes the key's lease of 12 (and fresh ones for the organization).
    expect((await chat(key.key)).status).toBe(200);
    redisProxy.stall();
    const covered = await Promise.all(Array.from({ length: 12 }, () => chat(key.key)));
    expect(covered.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect503(await chat(key.key));
    redisProxy.pass();
    await recovers(() => chat(key.key));
    // The twelve answered while Redis was frozen went to Postgres directly (the others are in Redis's usage
    // stream, which no worker drains here).
    const rows = await sql(app, `SELECT count(*)::int AS n FROM llm_usage WHERE api_key_id = $1`, [key.id]);
    expect(rows[0].n).toBe(12);
  });
});
