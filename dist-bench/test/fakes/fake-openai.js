"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.echoOf = void 0;
exports.promptTokensOf = promptTokensOf;
exports.startFakeOpenAi = startFakeOpenAi;
const node_http_1 = require("node:http");
const tokens = (text) => Math.ceil(text.length / 4);
const contentText = (c) => (typeof c === 'string' ? c : c == null ? '' : JSON.stringify(c));
function promptTokensOf(messages) {
    return messages.reduce((sum, m) => sum + 4 + tokens(contentText(m.content)) + (m.tool_calls ? tokens(JSON.stringify(m.tool_calls)) : 0), 3);
}
const echoOf = (message) => `Echo: ${message}`;
exports.echoOf = echoOf;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function startFakeOpenAi(port = 0) {
    const requests = [];
    const failures = new Map();
    let seq = 0;
    const handle = async (req, res, body, rec) => {
        if (req.method === 'GET' && req.url?.endsWith('/models')) {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify({
                object: 'list',
                data: [{ id: 'gpt-4o-mini', object: 'model', created: 0, owned_by: 'fake' }],
            }));
            return;
        }
        if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
            res.writeHead(404, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ error: { message: 'not found' } }));
            return;
        }
        const messages = body.messages ?? [];
        const lastUserIndex = messages.map((m) => m.role).lastIndexOf('user');
        const last = contentText(messages[lastUserIndex]?.content);
        const toolResults = messages.slice(lastUserIndex + 1).filter((m) => m.role === 'tool');
        const slow = /\[slow:(\d+)\]/.exec(last);
        if (slow)
            await sleep(Number(slow[1]));
        if (rec.aborted)
            return;
        if (last.includes('[always500]'))
            return error(res, 500, 'upstream exploded');
        const fail = /\[fail500:(\d+)\]/.exec(last);
        if (fail) {
            const seen = failures.get(last) ?? 0;
            failures.set(last, seen + 1);
            if (seen < Number(fail[1]))
                return error(res, 500, 'transient failure');
        }
        if (last.includes('[429]'))
            return error(res, 429, 'slow down', { 'retry-after': '7' });
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
            const chunk = (delta, finish = null) => sse(res, {
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
                : (0, exports.echoOf)(last);
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
        for (const [i, word] of words.entries()) {
            if (cut && i === Number(cut[1])) {
                await sleep(30);
                return void res.destroy();
            }
            if (drip)
                await sleep(Number(drip[1]));
            if (rec.aborted)
                return;
            sse(res, {
                ...base,
                choices: [{ index: 0, delta: { content: word }, finish_reason: null, logprobs: null }],
            });
        }
        sse(res, { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop', logprobs: null }] });
        if (body.stream_options?.include_usage)
            sse(res, { ...base, choices: [], usage });
        res.end('data: [DONE]\n\n');
    };
    const server = (0, node_http_1.createServer)((req, res) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', () => {
            let body = {};
            try {
                body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
            }
            catch {
                return error(res, 400, 'bad json');
            }
            const rec = { body, headers: req.headers, aborted: false, finished: false };
            requests.push(rec);
            res.on('close', () => {
                if (!res.writableFinished)
                    rec.aborted = true;
            });
            res.on('finish', () => (rec.finished = true));
            handle(req, res, body, rec).catch((e) => error(res, 500, String(e)));
        });
    });
    server.keepAliveTimeout = 60_000;
    await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
    const address = server.address();
    return {
        url: `http://127.0.0.1:${address.port}/v1`,
        requests,
        reset: () => {
            requests.length = 0;
            failures.clear();
        },
        close: () => new Promise((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
        }),
    };
}
function startStream(res) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
}
function sse(res, data) {
    if (!res.destroyed)
        res.write(`data: ${JSON.stringify(data)}\n\n`);
}
function json(res, data) {
    const body = JSON.stringify(data);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
}
function error(res, status, message, headers = {}) {
    if (res.headersSent)
        return void res.destroy();
    const body = JSON.stringify({ error: { message, type: 'server_error', code: null } });
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
}
//# sourceMappingURL=fake-openai.js.map