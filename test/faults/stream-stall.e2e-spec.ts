import { Client } from 'pg';
import { startTestApp, TestApp } from '../support/test-app';
import { createApiKey, signUp } from '../support/auth';
import { FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai';
import { chatEnv, parseSse } from '../fakes/fake-openai-setup';
import { until } from '../support/until';
import { FaultProxy } from './support/fault-proxy';

const IDLE_MS = 400;

/**
 * The model provider stops sending in the middle of a stream (the proxy between the app and the provider
 * stalls after the client saw the first chunk, or the provider itself hangs): the idle timeout ends the
 * stream with an error event, and the usage is recorded as failed with the tokens seen.
 */
describe('a model stream that stalls after its first chunk', () => {
  let fake: FakeOpenAi;
  let proxy: FaultProxy;
  let app: TestApp;
  let db: Client;

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    proxy = await FaultProxy.inFrontOf(fake.url);
    app = await startTestApp({
      listen: true,
      workers: true,
      env: chatEnv(fake, {
        OPENAI_BASE_URL: proxy.url,
        CHAT_STREAM_IDLE_TIMEOUT_MS: String(IDLE_MS),
      }),
    });
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    fake.release();
    proxy.pass();
    await app.close();
    await Promise.all([db.end(), proxy.close(), fake.close()]);
  });

  const usageOf = (tenantId: string) =>
    until(
      async () =>
        (
          await db.query<{ status: string; error_code: string; completion_tokens: number }>(
            'SELECT status, error_code, completion_tokens FROM llm_usage WHERE tenant_id = $1',
            [tenantId],
          )
        ).rows,
      (rows) => rows.length > 0,
    );

  it('the OpenAI-compatible stream ends with an error event after the idle timeout; usage failed with tokens seen', async () => {
    const owner = await signUp(app);
    const key = await createApiKey(app, owner, ['chat:invoke']);
    const started = Date.now();
    const res = await fetch(`${app.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key.key },
      body: JSON.stringify({
        model: 'gpt-4o-mini',
        stream: true,
        messages: [{ role: 'user', content: 'tell me [long:60] [drip:40]' }],
      }),
      signal: AbortSignal.timeout(10_000),
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (text.includes('"content":"w0')) proxy.stall();
    }
    const elapsed = Date.now() - started;
    proxy.pass();

    const events = parseSse(text);
    const last = JSON.parse(events.at(-1)!.data) as { error?: { code: string } };
    expect(last.error?.code).toBe('upstream_stream_idle');
    expect(elapsed).toBeLessThan(5_000);
    const [usage] = await usageOf(owner.tenantId);
    expect(usage).toMatchObject({ status: 'failed', error_code: 'upstream_stream_idle' });
    expect(usage.completion_tokens).toBeGreaterThan(0);
  });

  it('the agent chat stream ends with an `error` event when the provider hangs mid-answer', async () => {
    const owner = await signUp(app);
    const agent = await owner
      .auth(app.http.post('/api/v1/agents'))
      .send({ name: 'Stall', slug: 'stall', model: 'gpt-4o-mini' })
      .expect(201);
    const res = await owner
      .auth(app.http.post(`/api/v1/agents/${agent.body.id}/chat`))
      .send({ message: 'hello there [stall:3]', stream: true })
      .timeout(10_000)
      .expect(200);
    const events = parseSse(res.text);
    expect(events.filter((e) => e.event === 'delta').length).toBeGreaterThan(0);
    expect(events.at(-1)?.event).toBe('error');
    expect(JSON.parse(events.at(-1)!.data).code).toBe('upstream_stream_idle');
    const [usage] = await usageOf(owner.tenantId);
    expect(usage).toMatchObject({ status: 'failed', error_code: 'upstream_stream_idle' });
    expect(usage.completion_tokens).toBeGreaterThan(0);
  });
});
