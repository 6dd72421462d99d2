import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Pool } from 'pg';
import { json, startServer, timed } from './support/load';
import { signUpOwner } from './support/sign-up';

/**
 * GET /api/v1/analytics/usage over 10 million chat calls (llm_usage), through the whole app: a 90-day
 * daily series in the organization's time zone for one tenant holding 6 M of them (the other 4 M belong
 * to 9 other tenants), ungrouped and grouped by model and by customer (top 10).
 * Baseline in the same run: the same daily series aggregated from llm_usage (its (tenant_id, occurred_at)
 * index), i.e. what the endpoint would cost without the hourly rollup.
 * Goal: < 100 ms for the 90-day daily series of one tenant. Uses a throw-away database on DATABASE_URL's server.
 */
const TOTAL = Number(process.env.BENCH_EVENTS ?? 10_000_000);

async function main() {
  const { withAdmin, databaseUrl } = await import('../test/setup/test-database');
  const runId = randomBytes(3).toString('hex');
  const dbName = `tollgate_bench_analytics_${runId}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  const env = {
    DATABASE_URL: databaseUrl(dbName),
    MIGRATIONS_RUN: 'true',
    REDIS_KEY_PREFIX: `tgbench_${runId}`,
    LOG_LEVEL: 'warn',
    // The load takes longer than a default access token lives.
    AUTH_ACCESS_TOKEN_TTL_SECONDS: '86400',
  };
  const api = await startServer(join(__dirname, 'support/full-app-server'), [], {
    ...env,
    BENCH_LOG_LEVEL: 'warn',
  });
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: 2 });
  try {
    const base = `http://127.0.0.1:${api.port}`;
    const reg = await signUpOwner(base, {
      email: `bench-${runId}@example.test`,
      password: 'correct-horse-battery-staple',
      name: 'Bench',
      organizationName: 'Bench',
    });
    const tenantId = reg.organization.id;
    const headers = { authorization: `Bearer ${reg.accessToken}`, 'x-organization-id': tenantId };
    await json(`${base}/api/v1/organizations/${tenantId}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ timezone: 'America/New_York' }),
    });
    await pool.query(
      `INSERT INTO organizations (id, name) SELECT gen_random_uuid(), 'other ' || g FROM generate_series(1, 9) g`,
    );

    // 60% of the calls for the measured tenant, the rest spread over 9 others; 90 days (Sep-Nov 2026).
    // 20 agents, 500 customers, 6 models, 50 API keys per tenant. Indexes are dropped for the load and
    // rebuilt from their own definitions; the rollup is then built in one pass, as the migration backfills
    // it (ingestion keeps it statement by statement).
    const started = Date.now();
    const idx = await pool.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'llm_usage' AND indexname <> 'llm_usage_pkey'`,
    );
    for (const r of idx.rows) await pool.query(`DROP INDEX ${r.indexname}`);
    await pool.query(`ALTER TABLE llm_usage DROP CONSTRAINT llm_usage_pkey`);
    await pool.query(
      `WITH t AS (SELECT array_agg(id ORDER BY id) FILTER (WHERE id <> $1) AS others FROM organizations)
       INSERT INTO llm_usage (id, tenant_id, agent_id, api_key_id, billed_customer_id, customer_id, endpoint, provider,
         model, prompt_tokens, completion_tokens, cost, revenue, currency, latency_ms, status, occurred_at)
       SELECT gen_random_uuid(), CASE WHEN g % 10 < 6 THEN $1::uuid ELSE t.others[1 + g % 9] END,
              ('00000000-0000-4000-8000-' || lpad((g % 20)::text, 12, '0'))::uuid,
              '00000000-0000-4000-9000-' || lpad((g % 50)::text, 12, '0'),
              ('00000000-0000-4000-a000-' || lpad((g % 500)::text, 12, '0'))::uuid, NULL, 'chat_completions', 'openai',
              (ARRAY['gpt-4o-mini','gpt-4o','gpt-4.1','gpt-4.1-mini','o3-mini','o4-mini'])[1 + g % 6],
              200 + g % 800, 50 + g % 300, (g % 1000) / 100000.0, (g % 1000) / 50000.0, 'USD', 300,
              CASE WHEN g % 50 = 0 THEN 'failed' ELSE 'completed' END,
              timestamptz '2026-09-01' + ((g::bigint * 7919) % 7776000) * interval '1 second'
         FROM generate_series(1, $2::int) g, t`,
      [tenantId, TOTAL],
    );
    await pool.query(`ALTER TABLE llm_usage ADD PRIMARY KEY (id)`);
    for (const r of idx.rows) await pool.query(r.indexdef);
    const loaded = Date.now();
    // One hash aggregate per dimension (one pass over 50 M lateral rows sorts to disk on a small machine).
    const client = await pool.connect();
    try {
      await client.query(`SET work_mem = '256MB'; SET TimeZone = 'UTC'`);
      for (const [dimension, key] of [
        ['total', "''"],
        ['agent', "coalesce(agent_id::text, '')"],
        ['customer', "coalesce(billed_customer_id::text, '')"],
        ['model', 'model'],
        ['api_key', "coalesce(api_key_id, '')"],
      ])
        await client.query(`INSERT INTO usage_analytics_hourly (tenant_id, dimension, hour, key, requests,
            failed_requests, prompt_tokens, completion_tokens, cost, revenue)
          SELECT tenant_id, '${dimension}', date_trunc('hour', occurred_at), ${key}, count(*),
                 count(*) FILTER (WHERE status <> 'completed') AS failed, sum(prompt_tokens), sum(completion_tokens),
                 sum(cost), sum(revenue)
            FROM llm_usage GROUP BY 1, 3, 4`);
    } finally {
      client.release();
    }
    await pool.query(`VACUUM ANALYZE llm_usage`);
    await pool.query(`VACUUM ANALYZE usage_analytics_hourly`);
    const [{ count }] = (await pool.query(`SELECT count(*)::int AS count FROM llm_usage`)).rows;
    const [{ mine }] = (
      await pool.query(`SELECT count(*)::int AS mine FROM llm_usage WHERE tenant_id = $1`, [tenantId])
    ).rows;
    const [{ rollup }] = (
      await pool.query(`SELECT count(*)::int AS rollup FROM usage_analytics_hourly WHERE tenant_id = $1`, [
        tenantId,
      ])
    ).rows;
    console.log(
      `loaded ${count.toLocaleString()} calls (${mine.toLocaleString()} for the measured tenant) in ` +
        `${((loaded - started) / 1000).toFixed(0)} s, rollup built in ${((Date.now() - loaded) / 1000).toFixed(0)} s ` +
        `(${rollup.toLocaleString()} rollup rows for the tenant)`,
    );

    const q = (extra = '') =>
      `${base}/api/v1/analytics/usage?from=2026-09-01&to=2026-11-30&interval=day${extra}`;
    const total = await json(q(), { headers });
    await timed(3, () => json(q(), { headers })); // warm
    const daily = await timed(21, () => json(q(), { headers }));
    const byModel = await timed(11, () => json(q('&groupBy=model&top=5'), { headers }));
    const byCustomer = await timed(11, () => json(q('&groupBy=customer&top=10'), { headers }));
    const hourly = await timed(11, () =>
      json(`${base}/api/v1/analytics/usage?from=2026-11-01&to=2026-11-08&interval=hour`, { headers }),
    );

    // Baseline: the same 90-day daily series from the raw calls (no rollup), through llm_usage's tenant/time index.
    const rawSql = `SELECT date_trunc('day', occurred_at, 'America/New_York') AS day, count(*) AS requests,
              count(*) FILTER (WHERE status <> 'completed') AS failed, sum(prompt_tokens), sum(completion_tokens), sum(cost), sum(revenue)
         FROM llm_usage WHERE tenant_id = $1 AND occurred_at >= $2 AND occurred_at < $3 GROUP BY 1 ORDER BY 1`;
    const raw = await timed(3, () => pool.query(rawSql, [tenantId, total.from, total.to]));
    const rawRows = (await pool.query(rawSql, [tenantId, total.from, total.to])).rows;
    const rawCount = rawRows.reduce((n: number, r: { requests: string }) => n + Number(r.requests), 0);
    if (total.totals.requests !== rawCount || total.series[0].points.length !== rawRows.length)
      throw new Error(`series counted ${total.totals.requests} calls, the raw calls are ${rawCount}`);
    console.table([
      { query: '90-day daily series, tenant total, via HTTP', 'p50 ms': daily.p50, 'max ms': daily.max },
      {
        query: '90-day daily series by model, top 5, via HTTP',
        'p50 ms': byModel.p50,
        'max ms': byModel.max,
      },
      {
        query: '90-day daily series by customer (500), top 10, via HTTP',
        'p50 ms': byCustomer.p50,
        'max ms': byCustomer.max,
      },
      { query: '7-day hourly series, tenant total, via HTTP', 'p50 ms': hourly.p50, 'max ms': hourly.max },
      {
        query: 'baseline: 90-day daily series from llm_usage, no rollup (SQL only)',
        'p50 ms': raw.p50,
        'max ms': raw.max,
      },
    ]);
    console.log('goal: < 100 ms for the 90-day daily series of one tenant');
  } finally {
    await pool.end();
    api.child.kill();
    await new Promise((r) => setTimeout(r, 500));
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
