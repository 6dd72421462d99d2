import 'reflect-metadata';
import { fork, ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { signUpOwner } from './support/sign-up';
import { Pool } from 'pg';
import { nodeArgsFor } from './support/load';

/**
 * Usage ingestion throughput: POST /api/v1/usage/events through the whole app (API key auth, validation,
 * per-event checks, customer/metric resolution, one INSERT ... ON CONFLICT DO NOTHING RETURNING per batch)
 * vs a raw multi-row INSERT ... ON CONFLICT DO NOTHING loop from Node into the same table, same run, same
 * batch size (1,000) and concurrency (4 clients). Goal: >= 20,000 events/s through the API on 2 cores and
 * >= 60% of the raw rate. Uses a throw-away database on the DATABASE_URL server and a throw-away Redis prefix.
 */
const role = process.argv[2];

async function runApi() {
  const { loadConfig } = await import('../src/config/app-config');
  const { createRootLogger } = await import('../src/shared/logging/logger');
  const { createHttpApp } = await import('../src/http-app');
  const config = loadConfig(process.env, { PORT: '0' });
  const app = await createHttpApp({ config, logger: createRootLogger('warn'), workers: false });
  await app.listen(0, '127.0.0.1');
  process.on('message', (m: string) => m === 'exit' && process.exit(0)); // a normal exit lets --cpu-prof write
  process.send!({ port: (app.getHttpServer().address() as { port: number }).port });
}

function startApi(env: Record<string, string>): Promise<{ port: number; child: ChildProcess }> {
  const child = fork(__filename, ['api'], {
    execArgv: [
      ...nodeArgsFor(__filename),
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/ingestprof'] : []),
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ port: m.port, child }));
    child.once('exit', (code) => reject(new Error(`api exited with ${code}`)));
  });
}

async function json(url: string, init: RequestInit): Promise<any> {
  const res = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

async function runConcurrent<T>(
  items: T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function main() {
  const batches = Number(process.env.BENCH_BATCHES ?? 200);
  const batchSize = 1000;
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);
  const { withAdmin, databaseUrl } = await import('../test/setup/test-database');
  const runId = randomBytes(3).toString('hex');
  const dbName = `tollgate_bench_ingest_${runId}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  const env = {
    DATABASE_URL: databaseUrl(dbName),
    MIGRATIONS_RUN: 'true',
    REDIS_KEY_PREFIX: `tgbench_${runId}`,
    LOG_LEVEL: 'warn',
  };
  const api = await startApi(env);
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: concurrency });
  try {
    const base = `http://127.0.0.1:${api.port}`;
    const reg = await signUpOwner(base, {
      email: `bench-${runId}@example.test`,
      password: 'correct-horse-battery-staple',
      name: 'Bench',
      organizationName: 'Bench',
    });
    const owner = { authorization: `Bearer ${reg.accessToken}`, 'x-organization-id': reg.organization.id };
    const key = await json(`${base}/api/v1/api-keys`, {
      method: 'POST',
      headers: owner,
      body: JSON.stringify({ name: 'ingest', scopes: ['usage:write'] }),
    });
    const customer = await json(`${base}/api/v1/customers`, {
      method: 'POST',
      headers: owner,
      body: JSON.stringify({ name: 'Bench', currency: 'USD', externalId: 'bench' }),
    });
    const metric = await json(`${base}/api/v1/billable-metrics`, {
      method: 'POST',
      headers: owner,
      body: JSON.stringify({ code: 'tokens', name: 'Tokens', aggregation: 'sum', field: 'tokens' }),
    });
    const t0 = Date.UTC(2026, 10, 1);
    const makeEvents = (prefix: string, b: number) =>
      Array.from({ length: batchSize }, (_, i) => ({
        eventId: `${prefix}-${b}-${i}`,
        customerId: customer.id,
        metric: 'tokens',
        timestamp: new Date(t0 + (b * batchSize + i) * 10).toISOString(),
        properties: { tokens: (i % 500) + 1, model: 'gpt-4o-mini' },
      }));

    // Warm-up (JIT, pools, caches), not measured.
    for (let b = 0; b < 5; b++)
      await json(`${base}/api/v1/usage/events`, {
        method: 'POST',
        headers: { 'x-api-key': key.key },
        body: JSON.stringify({ events: makeEvents('warm', b) }),
      });

    const bodies = Array.from({ length: batches }, (_, b) =>
      JSON.stringify({ events: makeEvents('api', b) }),
    );
    const rawBatches = Array.from({ length: batches }, (_, b) => makeEvents('raw', b));
    const postBatch = async (body: string) => {
      const res = await json(`${base}/api/v1/usage/events`, {
        method: 'POST',
        headers: { 'x-api-key': key.key },
        body,
      });
      accepted += res.accepted;
    };
    // Baseline: the same rows straight into the same table with the same dedupe, no app in between.
    const insertBatch = async (events: ReturnType<typeof makeEvents>) => {
      const res = await pool.query(
        `INSERT INTO usage_events (tenant_id, event_id, customer_id, metric_id, agent_id, ts, occurred_at, value, properties, late)
         SELECT $1, * FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::timestamptz[], $7::timestamptz[],
                                  $8::numeric[], $9::jsonb[], $10::boolean[])
         ON CONFLICT (tenant_id, event_id) DO NOTHING RETURNING event_id`,
        [
          reg.organization.id,
          events.map((e) => e.eventId),
          events.map(() => customer.id),
          events.map(() => metric.id),
          events.map(() => null),
          events.map((e) => e.timestamp),
          events.map((e) => e.timestamp),
          events.map((e) => String(e.properties.tokens)),
          events.map((e) => JSON.stringify(e.properties)),
          events.map(() => false),
        ],
      );
      inserted += res.rowCount ?? 0;
    };
    // Interleaved rounds, so load from anything else on the machine hits both sides alike.
    let accepted = 0;
    let inserted = 0;
    let apiSeconds = 0;
    let rawSeconds = 0;
    const rounds = 4;
    const per = Math.ceil(batches / rounds);
    for (let r = 0; r < rounds; r++) {
      apiSeconds += await runConcurrent(bodies.slice(r * per, (r + 1) * per), concurrency, postBatch);
      rawSeconds += await runConcurrent(rawBatches.slice(r * per, (r + 1) * per), concurrency, insertBatch);
    }

    // Resending everything: all duplicates, nothing counted twice.
    let dupes = 0;
    await runConcurrent(bodies.slice(0, 20), concurrency, async (body) => {
      const res = await json(`${base}/api/v1/usage/events`, {
        method: 'POST',
        headers: { 'x-api-key': key.key },
        body,
      });
      dupes += res.duplicates;
    });

    const apiRate = accepted / apiSeconds;
    const rawRate = inserted / rawSeconds;
    console.table([
      {
        target: `POST /api/v1/usage/events (${concurrency} clients × 1,000/batch)`,
        events: accepted,
        seconds: +apiSeconds.toFixed(2),
        'events/s': Math.round(apiRate),
      },
      {
        target: `raw INSERT ... ON CONFLICT DO NOTHING (${concurrency} conns × 1,000/stmt)`,
        events: inserted,
        seconds: +rawSeconds.toFixed(2),
        'events/s': Math.round(rawRate),
      },
    ]);
    console.log(
      `API / raw: ${((apiRate / rawRate) * 100).toFixed(1)}% (goal >= 60%); API rate goal >= 20,000 events/s`,
    );
    console.log(`resent 20,000 events: ${dupes} acknowledged as duplicates`);
  } finally {
    await pool.end();
    api.child.send('exit');
    await new Promise((r) => setTimeout(r, 500));
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
  }
}

if (role === 'api') void runApi();
else
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
