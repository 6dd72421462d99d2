"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const node_child_process_1 = require("node:child_process");
const node_crypto_1 = require("node:crypto");
const autocannon_1 = __importDefault(require("autocannon"));
const load_1 = require("./support/load");
const role = process.argv[2];
async function runFake() {
    const { startFakeOpenAi } = await Promise.resolve().then(() => __importStar(require('../test/fakes/fake-openai')));
    const fake = await startFakeOpenAi();
    process.send({ port: Number(new URL(fake.url).port) });
}
async function runApi() {
    const { loadConfig } = await Promise.resolve().then(() => __importStar(require('../src/config/app-config')));
    const { createRootLogger } = await Promise.resolve().then(() => __importStar(require('../src/shared/logging/logger')));
    const { createHttpApp } = await Promise.resolve().then(() => __importStar(require('../src/http-app')));
    const config = loadConfig(process.env, { PORT: '0' });
    const app = await createHttpApp({ config, logger: createRootLogger('warn'), workers: false });
    await app.listen(0, '127.0.0.1');
    process.on('message', (m) => {
        if (m === 'exit')
            process.exit(0);
        if (m !== 'memory')
            return;
        global.gc?.();
        process.send({ memory: process.memoryUsage() });
    });
    process.send({ port: app.getHttpServer().address().port });
}
function start(args, env) {
    const child = (0, node_child_process_1.fork)(__filename, args, {
        execArgv: [
            '-r',
            'ts-node/register/transpile-only',
            '--expose-gc',
            ...(process.env.BENCH_PROFILE && args[0] === 'api'
                ? ['--cpu-prof', '--cpu-prof-dir=/tmp/chatprof']
                : []),
        ],
        env: { ...process.env, ...env },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
        child.once('message', (m) => resolve({ port: m.port, child }));
        child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
    });
}
const memoryOf = (child) => new Promise((resolve) => {
    child.once('message', (m) => resolve(m.memory));
    child.send('memory');
});
async function main() {
    const seconds = Number(process.env.BENCH_SECONDS ?? 10);
    const connections = Number(process.env.BENCH_CONNECTIONS ?? 200);
    const { withAdmin, databaseUrl } = await Promise.resolve().then(() => __importStar(require('../test/setup/test-database')));
    const runId = (0, node_crypto_1.randomBytes)(3).toString('hex');
    const dbName = `tollgate_bench_${runId}`;
    const prefix = `tgbench_${runId}`;
    await withAdmin((c) => c.query(`CREATE DATABASE "${dbName}"`));
    const fake = await start(['fake'], {});
    const upstream = `http://127.0.0.1:${fake.port}/v1`;
    const api = await start(['api'], {
        DATABASE_URL: databaseUrl(dbName),
        MIGRATIONS_RUN: 'true',
        REDIS_KEY_PREFIX: prefix,
        LOG_LEVEL: 'warn',
        OPENAI_BASE_URL: upstream,
        OPENAI_API_KEY: 'sk-bench',
        CHAT_RPM_PER_KEY: '100000000',
        CHAT_RPM_PER_TENANT: '100000000',
        CHAT_TPM_PER_KEY: '100000000000',
        CHAT_TPM_PER_TENANT: '100000000000',
    });
    const base = `http://127.0.0.1:${api.port}`;
    try {
        const post = async (path, body, token) => {
            const res = await fetch(`${base}${path}`, {
                method: 'POST',
                headers: {
                    'content-type': 'application/json',
                    ...(token ? { authorization: `Bearer ${token}` } : {}),
                },
                body: JSON.stringify(body),
            });
            if (!res.ok)
                throw new Error(`${path}: ${res.status} ${await res.text()}`);
            return (await res.json());
        };
        const reg = await post('/api/v1/auth/register', {
            email: `bench-${runId}@example.test`,
            password: 'bench-password-123',
            name: 'Bench',
            organizationName: 'Bench Org',
        });
        await post('/api/v1/agents', { name: 'Bench', slug: 'bench', model: 'gpt-4o-mini' }, reg.accessToken);
        const key = (await post('/api/v1/api-keys', { name: 'bench', scopes: ['chat:invoke'] }, reg.accessToken)).key;
        const body = (content, stream, model) => JSON.stringify({
            model,
            messages: [{ role: 'user', content }],
            stream,
            ...(stream ? { stream_options: { include_usage: true } } : {}),
        });
        const direct = (content, stream) => ({
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' },
            body: body(content, stream, 'gpt-4o-mini'),
        });
        const gateway = (content, stream) => ({
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
            body: body(content, stream, 'agent:bench'),
        });
        const run = async (label, url, req, secs = seconds) => {
            const r = await (0, autocannon_1.default)({ url, connections, duration: secs, ...req });
            const result = {
                label,
                rps: Math.round(r.requests.average),
                p50: r.latency.p50,
                p99: r.latency.p99,
                errors: r.errors,
                non2xx: r.non2xx,
            };
            return result;
        };
        const added = (d, g, what) => console.log(`${what}: added p50 ${(g.p50 - d.p50).toFixed(2)} ms, added p99 ${(g.p99 - d.p99).toFixed(2)} ms, ` +
            `throughput ${((g.rps / d.rps) * 100).toFixed(1)}% of direct`);
        const directUrl = `${upstream}/chat/completions`;
        const gatewayUrl = `${base}/v1/chat/completions`;
        await run('warmup', directUrl, direct('warm [long:20]', true), 2);
        await run('warmup', gatewayUrl, gateway('warm [long:20]', true), 3);
        console.log(`\n1) added latency, ${connections} concurrent, upstream paced like a model`);
        const paced = [
            await run('direct, stream 20x50ms', directUrl, direct('paced [long:20] [drip:50]', true)),
            await run('gateway, stream 20x50ms', gatewayUrl, gateway('paced [long:20] [drip:50]', true)),
            await run('direct, JSON after 1 s', directUrl, direct('paced [long:20] [slow:1000]', false)),
            await run('gateway, JSON after 1 s', gatewayUrl, gateway('paced [long:20] [slow:1000]', false)),
        ];
        (0, load_1.printTable)(paced);
        added(paced[0], paced[1], 'stream (goal: p50 < 2 ms, p99 < 10 ms)');
        added(paced[2], paced[3], 'JSON');
        console.log(`\n2) saturation throughput, ${connections} concurrent, instant upstream`);
        const fast = [
            await run('direct, JSON', directUrl, direct('fast [long:20]', false), Math.ceil(seconds / 2)),
            await run('gateway, JSON', gatewayUrl, gateway('fast [long:20]', false), Math.ceil(seconds / 2)),
            await run('direct, stream', directUrl, direct('fast [long:20]', true), Math.ceil(seconds / 2)),
            await run('gateway, stream', gatewayUrl, gateway('fast [long:20]', true), Math.ceil(seconds / 2)),
        ];
        (0, load_1.printTable)(fast);
        for (const [d, g, what] of [
            [fast[0], fast[1], 'JSON'],
            [fast[2], fast[3], 'stream'],
        ])
            console.log(`${what}: gateway CPU per request ~${(1000 / g.rps - 1000 / d.rps).toFixed(3)} ms (1/rps difference)`);
        const before = await memoryOf(api.child);
        const soak = await (0, autocannon_1.default)({
            url: gatewayUrl,
            connections,
            amount: 10_000,
            ...gateway('soak [long:20]', true),
        });
        const after = await memoryOf(api.child);
        const mb = (n) => (n / 1024 / 1024).toFixed(1);
        console.log(`\n3) memory over 10,000 streamed requests (${soak.non2xx} non-2xx): heapUsed ${mb(before.heapUsed)} -> ` +
            `${mb(after.heapUsed)} MiB, rss ${mb(before.rss)} -> ${mb(after.rss)} MiB`);
    }
    finally {
        api.child.send('exit');
        fake.child.kill();
        await new Promise((r) => setTimeout(r, 300));
        await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
        const { default: Redis } = await Promise.resolve().then(() => __importStar(require('ioredis')));
        const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length)
            await redis.del(...keys);
        redis.disconnect();
    }
}
if (role === 'fake')
    void runFake();
else if (role === 'api')
    void runApi();
else
    main().catch((e) => {
        console.error(e);
        process.exit(1);
    });
//# sourceMappingURL=chat-gateway.js.map