import { createServer, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { AppConfig } from '../../src/config/app-config';
import { OpenAiHttpProvider } from '../../src/modules/chat/adapters/openai-http-provider';
import { OpenAiLlmProvider } from '../../src/modules/chat/adapters/openai-llm-provider';
import {
  LlmChunk,
  LlmProvider,
  LlmRequest,
  UpstreamError,
} from '../../src/modules/chat/domain/llm-provider.port';

/**
 * Both providers, against a raw HTTP server that writes the bytes exactly as each case needs (events split
 * mid-line and mid-character, several events in one packet, errors inside the stream, error statuses):
 * the agent chat path's (the real OpenAI SDK with our event-stream reader and undici-based fetch) and the
 * OpenAI-compatible route's (the wire format on an undici Pool) must behave alike.
 */
describe.each([
  ['OpenAiLlmProvider (SDK)', (config: AppConfig) => new OpenAiLlmProvider(config)],
  ['OpenAiHttpProvider (wire format)', (config: AppConfig) => new OpenAiHttpProvider(config)],
])('%s streaming and fetch', (_name, makeProvider: (config: AppConfig) => LlmProvider) => {
  let server: Server;
  let handler: (res: ServerResponse, body: Record<string, unknown>) => void;
  let provider: LlmProvider;
  // The providers read their limits from this object at each call; a test may change them.
  const limits: Record<string, unknown> = {
    upstreamTimeoutMs: 2000,
    streamIdleTimeoutMs: 2000,
    streamMaxDurationMs: 10000,
  };

  const chunk = (content: string | null, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      id: 'c1',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'gpt-4o-mini',
      choices: content === null ? [] : [{ index: 0, delta: { content }, finish_reason: null }],
      ...extra,
    });
  const sse = (res: ServerResponse) =>
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const request: LlmRequest = {
    provider: 'default',
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'hi' }],
    maxTokens: 50,
  };
  const collect = async () => {
    const chunks: LlmChunk[] = [];
    await provider.stream(request, new AbortController().signal, (c) => chunks.push(c));
    return chunks;
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (d) => (raw += d));
      req.on('end', () => handler(res, JSON.parse(raw) as Record<string, unknown>));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    limits.providers = { default: { baseUrl: `http://127.0.0.1:${port}/v1`, apiKey: 'sk-test' } };
    provider = makeProvider({ chat: limits } as unknown as AppConfig);
  });
  afterAll(async () => {
    await (provider as Partial<OpenAiHttpProvider>).onModuleDestroy?.();
    await new Promise((r) => server.close(r));
  });

  it('reassembles events split across packets, also inside a multi-byte character, and stops at [DONE]', async () => {
    let sentBody: Record<string, unknown> = {};
    handler = (res, body) => {
      sentBody = body;
      sse(res);
      const whole =
        `data: ${chunk('Grüße')}\n\n` +
        `data: ${chunk(' 🌍')}\n\ndata: ${chunk('!', { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n` +
        `data: ${chunk(null, { usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } })}\n\n` +
        'data: [DONE]\n\n';
      const bytes = Buffer.from(whole);
      const cuts = [
        7,
        bytes.indexOf(Buffer.from('ü')) + 1,
        bytes.indexOf(Buffer.from('🌍')) + 2,
        bytes.length - 9,
      ];
      let at = 0;
      const next = () => {
        const cut = cuts.shift() ?? bytes.length;
        res.write(bytes.subarray(at, cut));
        at = cut;
        if (at < bytes.length) setTimeout(next, 5);
        else res.end();
      };
      next();
    };
    const chunks = await collect();
    expect(sentBody).toMatchObject({ stream: true, stream_options: { include_usage: true }, max_tokens: 50 });
    expect(chunks.map((c) => c.content ?? '').join('')).toBe('Grüße 🌍');
    expect(chunks.find((c) => c.finishReason)?.finishReason).toBe('stop');
    expect(chunks.at(-1)?.usage).toEqual({ promptTokens: 3, completionTokens: 4 });
  });

  it('a stream silent for CHAT_STREAM_IDLE_TIMEOUT_MS, or longer than CHAT_STREAM_MAX_DURATION_MS, is cut', async () => {
    let timer: NodeJS.Timeout | undefined;
    const drip = (everyMs: number, stopAfter: number) => (res: ServerResponse) => {
      sse(res);
      let sent = 0;
      const next = () => {
        res.write(`data: ${chunk(`w${sent} `)}\n\n`);
        if (++sent < stopAfter) timer = setTimeout(next, everyMs);
      };
      next();
      res.on('close', () => clearTimeout(timer));
    };
    Object.assign(limits, { streamIdleTimeoutMs: 200, streamMaxDurationMs: 10000 });
    try {
      handler = drip(20, 3); // three chunks, then silence
      const seen: LlmChunk[] = [];
      const idle = await provider
        .stream(request, new AbortController().signal, (c) => seen.push(c))
        .catch((e: unknown) => e);
      expect(seen).toHaveLength(3);
      expect(idle).toMatchObject({
        kind: 'upstream_timeout',
        code: 'upstream_stream_idle',
        retryable: false,
      });

      Object.assign(limits, { streamIdleTimeoutMs: 2000, streamMaxDurationMs: 300 });
      handler = drip(50, 1000); // never silent, never done
      const total = await provider
        .stream(request, new AbortController().signal, () => undefined)
        .catch((e: unknown) => e);
      expect(total).toMatchObject({ code: 'upstream_stream_too_long', retryable: false });
    } finally {
      Object.assign(limits, { streamIdleTimeoutMs: 2000, streamMaxDurationMs: 10000 });
      clearTimeout(timer);
    }
  });

  it('an error payload after the first chunk ends the stream with a non-retryable upstream error', async () => {
    handler = (res) => {
      sse(res);
      res.write(`data: ${chunk('partial')}\n\n`);
      setTimeout(() => res.end(`data: ${JSON.stringify({ error: { message: 'overloaded' } })}\n\n`), 5);
    };
    const seen: LlmChunk[] = [];
    const error = await provider
      .stream(request, new AbortController().signal, (c) => seen.push(c))
      .catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ retryable: false });
  });

  it('malformed JSON (or JSON that is not an object) before the first chunk is a retryable upstream error, not a crash', async () => {
    handler = (res) => {
      sse(res);
      res.end('data: {"choices": [\n\n');
    };
    await expect(collect()).rejects.toMatchObject({ code: 'upstream_error', retryable: true });
    handler = (res) => {
      sse(res);
      res.end('data: null\n\n');
    };
    await expect(collect()).rejects.toMatchObject({ code: 'upstream_error', retryable: true });
  });

  it("a consumer's own error is rethrown as it is, not reported as the provider's", async () => {
    handler = (res) => {
      sse(res);
      res.end(`data: ${chunk('x')}\n\ndata: [DONE]\n\n`);
    };
    const bug = new TypeError('our bug');
    await expect(
      provider.stream(request, new AbortController().signal, () => {
        throw bug;
      }),
    ).rejects.toBe(bug);
  });

  it('error statuses keep their body and headers (message, Retry-After)', async () => {
    handler = (res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '9' });
      res.end(JSON.stringify({ error: { message: 'slow down', type: 'rate_limit' } }));
    };
    await expect(collect()).rejects.toMatchObject({
      kind: 'rate_limited',
      details: { retryAfterSeconds: 9 },
    });
    handler = (res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'max_tokens is too large' } }));
    };
    const error = (await provider
      .complete(request, new AbortController().signal)
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('max_tokens is too large');
  });

  it('plain JSON completions come back whole', async () => {
    handler = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'c2',
          object: 'chat.completion',
          created: 1,
          model: 'gpt-4o-mini',
          choices: [{ index: 0, message: { role: 'assistant', content: 'hello' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 2, completion_tokens: 1, total_tokens: 3 },
        }),
      );
    };
    const res = await provider.complete(request, new AbortController().signal);
    expect(res).toMatchObject({ content: 'hello', usage: { promptTokens: 2, completionTokens: 1 } });
  });

  it('a client abort mid-stream cancels the upstream request', async () => {
    let upstreamClosed!: Promise<void>;
    handler = (res) => {
      upstreamClosed = new Promise((r) => res.on('close', () => r()));
      sse(res);
      res.write(`data: ${chunk('first')}\n\n`);
    };
    const abort = new AbortController();
    const done = provider.stream(request, abort.signal, () => abort.abort()).catch((e: unknown) => e);
    expect(await done).toBeInstanceOf(UpstreamError);
    await upstreamClosed;
  });
});
