import { connect } from 'node:net';
import OpenAI from 'openai';
import { startTestApp, TestApp } from '../support/test-app';
import { createApiKey, signUp, SignedUp } from '../support/auth';
import { echoOf, FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai';
import { chatEnv, sql, waitFor } from '../fakes/fake-openai-setup';

describe('OpenAI-compatible /v1 with the official openai client', () => {
  let fake: FakeOpenAi;
  let t: TestApp;
  let owner: SignedUp;
  let client: OpenAI;
  let keyId: string;
  let apiKey: string;

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    t = await startTestApp({ listen: true, workers: true, env: chatEnv(fake) });
    owner = await signUp(t);
    await owner
      .auth(t.http.post('/api/v1/agents'))
      .send({
        name: 'Support',
        slug: 'support',
        model: 'gpt-4o-mini',
        instructions: 'Be kind.',
        temperature: 0.3,
      })
      .expect(201);
    const key = await createApiKey(t, owner, ['chat:invoke']);
    keyId = key.id;
    apiKey = key.key;
    client = new OpenAI({ baseURL: `${t.url}/v1`, apiKey: key.key, maxRetries: 0 });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('create() returns what the upstream produced, with the agent applied', async () => {
    fake.reset();
    const res = await client.chat.completions.create({
      model: 'agent:support',
      messages: [{ role: 'user', content: 'hi from the sdk' }],
      user: 'acme',
    });
    expect(res.object).toBe('chat.completion');
    expect(res.model).toBe('agent:support');
    expect(res.choices[0].message.content).toBe(echoOf('hi from the sdk'));
    expect(res.usage!.prompt_tokens).toBeGreaterThan(0);
    const sent = fake.requests[0].body;
    expect(sent.model).toBe('gpt-4o-mini');
    expect(sent.temperature).toBeCloseTo(0.3);
    expect(sent.messages[0]).toEqual({ role: 'system', content: 'Be kind.' });

    const [usage] = await waitFor(async () => {
      const rows = await sql(
        t,
        `SELECT * FROM llm_usage WHERE api_key_id = $1 AND endpoint = 'chat_completions'`,
        [keyId],
      );
      return rows.length > 0 && rows;
    });
    expect(usage).toMatchObject({
      customer_external_id: 'acme',
      status: 'completed',
      prompt_tokens: res.usage!.prompt_tokens,
    });
  });

  it('create({ stream: true }) streams the same content, with usage when asked', async () => {
    const stream = await client.chat.completions.create({
      model: 'agent:support',
      messages: [{ role: 'user', content: 'stream from the sdk' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let content = '';
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      expect(chunk.model).toBe('agent:support');
      content += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(content).toBe(echoOf('stream from the sdk'));
    expect(usage!.completion_tokens).toBe(Math.ceil(content.length / 4));

    const plain = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'raw model' }],
      stream: true,
    });
    const chunks = [];
    for await (const chunk of plain) chunks.push(chunk);
    expect(chunks.some((c) => c.usage)).toBe(false);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe(echoOf('raw model'));
  });

  it('ends the event stream with data: [DONE] inside the response, nothing after it', async () => {
    // Read off the wire: an event written after the response's final zero-length chunk would be lost to
    // the client, or break the next response on a kept-alive connection.
    const body = JSON.stringify({
      model: 'agent:support',
      messages: [{ role: 'user', content: 'wire check' }],
      stream: true,
    });
    const port = new URL(t.url!).port;
    const wire = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write(
          `POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${apiKey}\r\n` +
            `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        ),
      );
      let text = '';
      let quiet: NodeJS.Timeout | undefined;
      // The connection stays open (keep-alive): the response is what arrived before 300 ms of silence.
      socket.on('data', (bytes) => {
        text += bytes.toString('utf8');
        clearTimeout(quiet);
        quiet = setTimeout(() => (socket.destroy(), resolve(text)), 300);
      });
      socket.on('error', reject);
    });
    expect(wire.startsWith('HTTP/1.1 200')).toBe(true);
    const payload = wire
      .slice(wire.indexOf('\r\n\r\n') + 4)
      .replace(/(^|\r\n)[0-9a-f]+\r\n/g, '') // chunk sizes
      .replace(/\r\n$/, '');
    expect(payload.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(wire.endsWith('data: [DONE]\n\n\r\n0\r\n\r\n')).toBe(true);
  });

  it('passes client tools through and returns the tool calls', async () => {
    const res = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'use your tool [calc:1+1]' }],
      tools: [{ type: 'function', function: { name: 'calculator', parameters: { type: 'object' } } }],
    });
    expect(res.choices[0].finish_reason).toBe('tool_calls');
    expect(res.choices[0].message.tool_calls![0]).toMatchObject({ function: { name: 'calculator' } });
  });

  it('lists agents and models, and maps errors to the SDK error classes', async () => {
    const models = await client.models.list();
    const ids = models.data.map((m) => m.id);
    expect(ids).toContain('agent:support');
    expect(ids).toContain('gpt-4o-mini');

    await expect(
      client.chat.completions.create({ model: 'agent:nope', messages: [{ role: 'user', content: 'x' }] }),
    ).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(
      client.chat.completions.create({ model: 'gpt-unknown', messages: [{ role: 'user', content: 'x' }] }),
    ).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(
      client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'x [429]' }],
      }),
    ).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    await expect(
      client.chat.completions.create({ model: 'gpt-4o-mini', messages: [] }),
    ).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    const bad = new OpenAI({ baseURL: `${t.url}/v1`, apiKey: 'tg_nope', maxRetries: 0 });
    await expect(bad.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('checks the caller of chat completions: a bad key 401, a key without chat:invoke 403, both problem+json', async () => {
    const ask = (key: string) =>
      new OpenAI({ baseURL: `${t.url}/v1`, apiKey: key, maxRetries: 0 }).chat.completions.create({
        model: 'agent:support',
        messages: [{ role: 'user', content: 'x' }],
      });
    const upstreamCalls = fake.requests.length;
    await expect(ask('tg_nope')).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const readOnly = await createApiKey(t, owner, ['usage:read']);
    await expect(ask(readOnly.key)).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
    const res = await t.http
      .post('/v1/chat/completions')
      .set('authorization', `Bearer ${readOnly.key}`)
      .send({ model: 'agent:support', messages: [{ role: 'user', content: 'x' }] });
    expect([res.status, res.headers['content-type'], res.body.code]).toEqual([
      403,
      'application/problem+json; charset=utf-8',
      'forbidden',
    ]);
    expect(fake.requests.length).toBe(upstreamCalls);
  });

  it("does not serve another organization's agent", async () => {
    const stranger = await signUp(t);
    const key = await createApiKey(t, stranger, ['chat:invoke']);
    const theirs = new OpenAI({ baseURL: `${t.url}/v1`, apiKey: key.key, maxRetries: 0 });
    await expect(
      theirs.chat.completions.create({ model: 'agent:support', messages: [{ role: 'user', content: 'x' }] }),
    ).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });
});
