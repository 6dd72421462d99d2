import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A small OpenAI-compatible server for tests and benches. Behaviour is driven by markers in the last user
 * message, so each test asks for what it needs:
 *   [calc:EXPR]   one tool call to `calculator` per marker, one per round; then "Results: r1, r2"
 *   [fail500:N]   the first N requests with this exact message answer 500, then normal
 *   [always500]   always 500
 *   [429]         429 with Retry-After: 7
 *   [slow:MS]     wait MS before answering (headers included)
 *   [drip:MS]     stream one word every MS (for client-abort tests)
 *   [long:N]      answer with N words
 *   [cut:N]       stream N words, then drop the connection (a provider failing mid-stream)
 *   [hold]        answer only once the test calls release() (a call kept in flight while a test breaks something)
 *   [stall:N]     stream N words, then send nothing more until release() (a provider hanging mid-stream)
 * Otherwise the answer is "Echo: <message>". Usage is deterministic: prompt = 3 + Σ(4 + ceil(chars/4)),
 * completion = ceil(answer chars/4) — the same estimate the gateway uses, so reservations are tight.
 */
export interface RecordedRequest {
  body: any;
  headers: IncomingMessage['headers'];
  aborted: boolean;
  finished: boolean;
}

export interface FakeOpenAi {
  /** Base URL including /v1, as OPENAI_BASE_URL expects. */
  url: string;
  requests: RecordedRequest[];
  /** Lets every request waiting at [hold] or [stall:N] go on. */
  release(): void;
  reset(): void;
  close(): Promise<void>;
}

const tokens = (text: string) => Math.ceil(text.length / 4);
const contentText = (c: unknown) => (typeof c === 'string' ? c : c == null ? '' : JSON.stringify(c));

export function promptTokensOf(messages: Array<{ content?: unknown; tool_calls?: unknown }>): number {
  return messages.reduce(
    (sum, m) =>
      sum + 4 + tokens(contentText(m.content)) + (m.tool_calls ? tokens(JSON.stringify(m.tool_calls)) : 0),
    3,
  );
}

/** The answer the fake gives to a plain message (tests compare against it). */
export const echoOf = (message: string) => `Echo: ${message}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFakeOpenAi(port = 0): Promise<FakeOpenAi> {
  const requests: RecordedRequest[] = [];
  const failures = new Map<string, number>();
  let seq = 0;
  let releaseGate!: () => void;
  let gate = new Promise<void>((r) => (releaseGate = r));
  const release = () => {
    releaseGate();
    gate = new Promise<void>((r) => (releaseGate = r));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, body: any, rec: RecordedRequest) => {
    if (req.method === 'GET' && req.url?.endsWith('/models')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          object: 'list',
          data: [{ id: 'gpt-4o-mini', object: 'model', created: 0, owned_by: 'fake' }],
        }),
      );
      return;
    }
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const messages: Array<{ role: string; content?: unknown; tool_calls?: unknown }> = body.messages ?? [];
    const lastUserIndex = messages.map((m) => m.role).lastIndexOf('user');
    const last = contentText(messages[lastUserIndex]?.content);
    const toolResults = messages.slice(lastUserIndex + 1).filter((m) => m.role === 'tool');

    const slow = /\[slow:(\d+)\]/.exec(last);
    if (slow) await sleep(Number(slow[1]));
    if (last.includes('[hold]')) await gate;
    if (rec.aborted) return;
    if (last.includes('[always500]')) return error(res, 500, 'upstream exploded');
    const fail = /\[fail500:(\d+)\]/.exec(last);
    if (fail) {
      const seen = failures.get(last) ?? 0;
      failures.set(last, seen + 1);
      if (seen < Number(fail[1])) return error(res, 500, 'transient failure');
    }
    if (last.includes('[429]')) return error(res, 429, 'slow down', { 'retry-after': '7' });

    const calcs = [...last.matchAll(/\[calc:([^\]]+)\]/g)].map((m) => m[1]);
    const id = `chatcmpl-fake${++seq}`;
    const created = Math.floor(Date.now() / 1000);
    const model = body.model;
    const prompt = promptTokensOf(messages);
    const offered = Array.isArray(body.tools) && body.tools.length > 0;

    if (calcs.length > toolResults.length && offered) {
      const call = {
        id: `call_${seq}`,
        type: 'function',
        function: {
          name: 'calculator',
          arguments: JSON.stringify({ expression: calcs[toolResults.length] }),
        },
      };
      const usage = {
        prompt_tokens: prompt,
        completion_tokens: tokens(call.function.arguments),
        total_tokens: 0,
      };
      usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
      if (!body.stream) {
        return json(res, {
          id,
          object: 'chat.completion',
          created,
          model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: null, tool_calls: [call] },
              finish_reason: 'tool_calls',
              logprobs: null,
            },
          ],
          usage,
        });
      }
      startStream(res);
      const chunk = (delta: unknown, finish: string | null = null) =>
        sse(res, {
          id,
          object: 'chat.completion.chunk',
          created,
          model,
          choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
        });
      chunk({
        role: 'assistant',
        content: null,
        tool_calls: [
          { index: 0, id: call.id, type: 'function', function: { name: 'calculator', arguments: '' } },
        ],
      });
      const args = call.function.arguments;
      chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(0, 5) } }] });
      chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(5) } }] });
      chunk({}, 'tool_calls');
      if (body.stream_options?.include_usage)
        sse(res, { id, object: 'chat.completion.chunk', created, model, choices: [], usage });
      res.end('data: [DONE]\n\n');
      return;
    }

    const long = /\[long:(\d+)\]/.exec(last);
    const answer = long
      ? Array.from({ length: Number(long[1]) }, (_, i) => `w${i}`).join(' ')
      : toolResults.length
        ? `Results: ${toolResults.map((m) => contentText(m.content)).join(', ')}`
        : echoOf(last);
    const usage = {
      prompt_tokens: prompt,
      completion_tokens: tokens(answer),
      total_tokens: prompt + tokens(answer),
    };
    if (!body.stream) {
      return json(res, {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: answer, refusal: null },
            finish_reason: 'stop',
            logprobs: null,
          },
        ],
        usage,
      });
    }
    startStream(res);
    const drip = /\[drip:(\d+)\]/.exec(last);
    const base = { id, object: 'chat.completion.chunk', created, model };
    sse(res, {
      ...base,
      choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null, logprobs: null }],
    });
    const words = answer.split(/(?<= )/);
    const cut = /\[cut:(\d+)\]/.exec(last);
    const stall = /\[stall:(\d+)\]/.exec(last);
    for (const [i, word] of words.entries()) {
      if (stall && i === Number(stall[1])) await gate;
      if (cut && i === Number(cut[1])) {
        await sleep(30); // let the client consume what was sent before the connection drops
        return void res.destroy();
      }
      if (drip) await sleep(Number(drip[1]));
      if (rec.aborted) return;
      sse(res, {
        ...base,
        choices: [{ index: 0, delta: { content: word }, finish_reason: null, logprobs: null }],
      });
    }
    sse(res, { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop', logprobs: null }] });
    if (body.stream_options?.include_usage) sse(res, { ...base, choices: [], usage });
    res.end('data: [DONE]\n\n');
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: any = {};
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        return error(res, 400, 'bad json');
      }
      const rec: RecordedRequest = { body, headers: req.headers, aborted: false, finished: false };
      requests.push(rec);
      res.on('close', () => {
        if (!res.writableFinished) rec.aborted = true;
      });
      res.on('finish', () => (rec.finished = true));
      handle(req, res, body, rec).catch((e) => error(res, 500, String(e)));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/v1`,
    requests,
    release,
    reset: () => {
      requests.length = 0;
      failures.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function startStream(res: ServerResponse) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
}

function sse(res: ServerResponse, data: unknown) {
  if (!res.destroyed) res.write(`data: ${JSON.stringify(data)}\n\n`);
}

function json(res: ServerResponse, data: unknown) {
  const body = JSON.stringify(data);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function error(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
  if (res.headersSent) return void res.destroy();
  const body = JSON.stringify({ error: { message, type: 'server_error', code: null } });
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
}
