import 'reflect-metadata';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { signUpOwner } from './support/sign-up';
import { loadConfig } from '../src/config/app-config';
import { createRootLogger } from '../src/shared/logging/logger';
import { createHttpApp } from '../src/http-app';
import { PrincipalResolver } from '../src/shared/http/principal-resolver.port';
import { TokenService } from '../src/modules/auth/application/token-service';
import { load, LoadResult, printTable, startServer } from './support/load';

/**
 * Cost of authentication on a read route: GET /api/v1/auth/principal (public, so the same route also runs
 * unauthenticated) with no credentials (baseline), a JWT and an API key, in the same run.
 * 1) HTTP through the full app in a child process (autocannon): req/s, p50, p99; and the added CPU time per
 *    request derived from throughput (1/rps_auth - 1/rps_none), finer than autocannon's 1 ms latency buckets.
 * 2) In process: PrincipalResolver.resolve() alone, per call, for each credential kind.
 * Goal: authentication under 0.5 ms per request at p50. Uses DATABASE_URL/REDIS_URL (defaults: local).
 */
async function main() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 4);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
  const config = loadConfig(process.env, { MIGRATIONS_RUN: 'true', LOG_LEVEL: 'warn' });
  const app = await createHttpApp({ config, logger: createRootLogger('warn'), workers: false });
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, any>;
  };
  const reg = await signUpOwner(base, {
    email: `bench-${randomBytes(4).toString('hex')}@example.test`,
    password: 'bench-password-123',
    name: 'Bench',
    organizationName: 'Bench Org',
  });
  const jwt: string = reg.accessToken;
  const apiKey: string = (await post('/api/v1/api-keys', { name: 'bench', scopes: ['agents:read'] }, jwt))
    .key;

  // 2) in-process resolver cost (the JWT verify and the cached key lookup + HMAC), same run baseline.
  const resolver = app.get(PrincipalResolver);
  const fake = (headers: Record<string, string>) => ({ headers, params: {} }) as unknown as FastifyRequest;
  const micro = async (label: string, headers: Record<string, string>) => {
    const req = fake(headers);
    for (let i = 0; i < 2000; i++) await resolver.resolve(req);
    const samples: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const t0 = process.hrtime.bigint();
      await resolver.resolve(req);
      samples.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    samples.sort((a, b) => a - b);
    const q = (p: number) => samples[Math.floor(samples.length * p)].toFixed(1);
    return { resolve: label, 'p50 µs': q(0.5), 'p99 µs': q(0.99) };
  };
  const microRows = [
    await micro('no credentials (baseline)', {}),
    await micro('JWT, reused (verified-token cache + cached membership)', { authorization: `Bearer ${jwt}` }),
    await micro('API key (cached lookup + HMAC-SHA-256)', { 'x-api-key': apiKey }),
  ];
  // A token seen for the first time pays the full EdDSA verification.
  const tokens = app.get(TokenService);
  const sid = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()).sid as string;
  const fresh = await Promise.all(
    Array.from({ length: 3000 }, () => tokens.sign(reg.user.id as string, { typ: 'user', sid })),
  );
  const cold: number[] = [];
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

  // 1) HTTP, full app in a child process so the load generator does not share its event loop.
  const server = await startServer(join(__dirname, 'support/full-app-server'), [], {
    BENCH_LOG_LEVEL: 'warn',
    MIGRATIONS_RUN: 'false',
  });
  const url = `http://127.0.0.1:${server.port}/api/v1/auth/principal`;
  const variants: Array<{ label: string; headers?: Record<string, string> }> = [
    { label: 'unauthenticated (baseline)' },
    { label: 'JWT bearer', headers: { authorization: `Bearer ${jwt}` } },
    { label: 'API key (X-API-Key)', headers: { 'x-api-key': apiKey } },
  ];
  // Interleaved rounds, median per variant: the machine is shared, so a single run per variant is noisy.
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const byVariant = variants.map(() => [] as LoadResult[]);
  try {
    for (const v of variants) await load('warmup', url, { seconds: 1, connections, headers: v.headers });
    for (let r = 0; r < rounds; r++) {
      for (const [i, v] of variants.entries()) {
        byVariant[i].push(await load(v.label, url, { seconds, connections, headers: v.headers }));
      }
    }
  } finally {
    server.child.kill();
  }
  const rows = byVariant.map(
    (results) => [...results].sort((a, b) => a.rps - b.rps)[Math.floor(results.length / 2)],
  );

  console.log(
    `\nGET /api/v1/auth/principal, ${connections} connections, median of ${rounds} interleaved ${seconds}s runs`,
  );
  printTable(rows);
  const [none, ...authed] = rows;
  for (const r of authed) {
    const addedMs = 1000 / r.rps - 1000 / none.rps;
    console.log(
      `${r.label}: ${((r.rps / none.rps) * 100).toFixed(1)}% of baseline throughput; ` +
        `added CPU per request ≈ ${addedMs.toFixed(3)} ms; added p50 ${(r.p50 - none.p50).toFixed(2)} ms, p99 ${(r.p99 - none.p99).toFixed(2)} ms`,
    );
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
