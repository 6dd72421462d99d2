"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const node_path_1 = require("node:path");
const node_crypto_1 = require("node:crypto");
const app_config_1 = require("../src/config/app-config");
const logger_1 = require("../src/shared/logging/logger");
const http_app_1 = require("../src/http-app");
const principal_resolver_port_1 = require("../src/shared/http/principal-resolver.port");
const token_service_1 = require("../src/modules/auth/application/token-service");
const load_1 = require("./support/load");
async function main() {
    const seconds = Number(process.env.BENCH_SECONDS ?? 4);
    const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
    const config = (0, app_config_1.loadConfig)(process.env, { MIGRATIONS_RUN: 'true', LOG_LEVEL: 'warn' });
    const app = await (0, http_app_1.createHttpApp)({ config, logger: (0, logger_1.createRootLogger)('warn'), workers: false });
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const post = async (path, body, token) => {
        const res = await fetch(`${base}${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body: JSON.stringify(body),
        });
        if (!res.ok)
            throw new Error(`${path}: ${res.status} ${await res.text()}`);
        return (await res.json());
    };
    const reg = await post('/api/v1/auth/register', {
        email: `bench-${(0, node_crypto_1.randomBytes)(4).toString('hex')}@example.test`,
        password: 'bench-password-123',
        name: 'Bench',
        organizationName: 'Bench Org',
    });
    const jwt = reg.accessToken;
    const apiKey = (await post('/api/v1/api-keys', { name: 'bench', scopes: ['agents:read'] }, jwt))
        .key;
    const resolver = app.get(principal_resolver_port_1.PrincipalResolver);
    const fake = (headers) => ({ headers, params: {} });
    const micro = async (label, headers) => {
        const req = fake(headers);
        for (let i = 0; i < 2000; i++)
            await resolver.resolve(req);
        const samples = [];
        for (let i = 0; i < 20000; i++) {
            const t0 = process.hrtime.bigint();
            await resolver.resolve(req);
            samples.push(Number(process.hrtime.bigint() - t0) / 1000);
        }
        samples.sort((a, b) => a - b);
        const q = (p) => samples[Math.floor(samples.length * p)].toFixed(1);
        return { resolve: label, 'p50 µs': q(0.5), 'p99 µs': q(0.99) };
    };
    const microRows = [
        await micro('no credentials (baseline)', {}),
        await micro('JWT, reused (verified-token cache + cached membership)', { authorization: `Bearer ${jwt}` }),
        await micro('API key (cached lookup + HMAC-SHA-256)', { 'x-api-key': apiKey }),
    ];
    const tokens = app.get(token_service_1.TokenService);
    const sid = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()).sid;
    const fresh = await Promise.all(Array.from({ length: 3000 }, () => tokens.sign(reg.user.id, { typ: 'user', sid })));
    const cold = [];
    for (const token of fresh) {
        const t0 = process.hrtime.bigint();
        await resolver.resolve(fake({ authorization: `Bearer ${token}` }));
        cold.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    cold.sort((a, b) => a - b);
    microRows.push({
        resolve: 'JWT, first use (full EdDSA verification)',
        'p50 µs': cold[Math.floor(cold.length * 0.5)].toFixed(1),
        'p99 µs': cold[Math.floor(cold.length * 0.99)].toFixed(1),
    });
    await app.close();
    const server = await (0, load_1.startServer)((0, node_path_1.join)(__dirname, 'support/full-app-server.ts'), [], {
        BENCH_LOG_LEVEL: 'warn',
        MIGRATIONS_RUN: 'false',
    });
    const url = `http://127.0.0.1:${server.port}/api/v1/auth/principal`;
    const variants = [
        { label: 'unauthenticated (baseline)' },
        { label: 'JWT bearer', headers: { authorization: `Bearer ${jwt}` } },
        { label: 'API key (X-API-Key)', headers: { 'x-api-key': apiKey } },
    ];
    const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
    const byVariant = variants.map(() => []);
    try {
        for (const v of variants)
            await (0, load_1.load)('warmup', url, { seconds: 1, connections, headers: v.headers });
        for (let r = 0; r < rounds; r++) {
            for (const [i, v] of variants.entries()) {
                byVariant[i].push(await (0, load_1.load)(v.label, url, { seconds, connections, headers: v.headers }));
            }
        }
    }
    finally {
        server.child.kill();
    }
    const rows = byVariant.map((results) => [...results].sort((a, b) => a.rps - b.rps)[Math.floor(results.length / 2)]);
    console.log(`\nGET /api/v1/auth/principal, ${connections} connections, median of ${rounds} interleaved ${seconds}s runs`);
    (0, load_1.printTable)(rows);
    const [none, ...authed] = rows;
    for (const r of authed) {
        const addedMs = 1000 / r.rps - 1000 / none.rps;
        console.log(`${r.label}: ${((r.rps / none.rps) * 100).toFixed(1)}% of baseline throughput; ` +
            `added CPU per request ≈ ${addedMs.toFixed(3)} ms; added p50 ${(r.p50 - none.p50).toFixed(2)} ms, p99 ${(r.p99 - none.p99).toFixed(2)} ms`);
    }
    console.log('\nPrincipalResolver.resolve() in process (20k calls each):');
    console.table(microRows);
    console.log('Goal: authentication < 0.5 ms per request at p50.');
    process.exit(0);
}
main().catch((e) => {
    console.error(e);
    process.exit(1);
});
//# sourceMappingURL=auth.js.map