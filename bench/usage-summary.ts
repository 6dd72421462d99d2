import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { signUpOwner } from './support/sign-up';
import { Pool } from 'pg';
import { json, startServer, timed } from './support/load';

/**
 * GET /api/v1/usage/summary over 10 million events: one customer-month for (a) a heavy customer holding
 * 1,000,000 of them in the month and (b) a typical customer (~6,000), through the whole app. Baseline in
 * the same run: the same aggregate read from usage_events only (covering index; then index scans off).
 * Goal: < 200 ms for one customer-month. Approach measured: the hourly rollup (usage_rollups_hourly, kept by
 * the ingest statement) for whole hours + the covering index usage_events (tenant_id, customer_id, metric_id,
 * ts) INCLUDE (value, agent_id) for partial hours and non-additive metrics.
 * Uses a throw-away database on the DATABASE_URL server.
 */
const TOTAL = Number(process.env.BENCH_EVENTS ?? 10_000_000);

async function main() {
  const { withAdmin, databaseUrl } = await import('../test/setup/test-database');
  const runId = randomBytes(3).toString('hex');
  const dbName = `tollgate_bench_summary_${runId}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  const env = {
    DATABASE_URL: databaseUrl(dbName),
    MIGRATIONS_RUN: 'true',
    REDIS_KEY_PREFIX: `tgbench_${runId}`,
    LOG_LEVEL: 'warn',
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
    const heavy = await json(`${base}/api/v1/customers`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Heavy', currency: 'USD' }),
    });
    for (const [code, aggregation] of [
      ['tokens', 'sum'],
      ['requests', 'count'],
      ['peak', 'max'],
    ])
      await json(`${base}/api/v1/billable-metrics`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          code,
          name: code,
          aggregation,
          ...(aggregation === 'count' ? {} : { field: 'v' }),
        }),
      });
    await pool.query(
      `INSERT INTO customers (id, tenant_id, name, currency) SELECT gen_random_uuid(), $1, 'c' || g, 'USD' FROM generate_series(1, 499) g`,
      [tenantId],
    );

    // Load: 10% for the heavy customer inside November, the rest over 500 customers and 3 months.
    // Indexes are dropped for the load and rebuilt from their own definitions (faster than maintaining them row by row).
    const started = Date.now();
    const idx = await pool.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'usage_events' AND indexname <> 'usage_events_pkey'`,
    );
    for (const r of idx.rows) await pool.query(`DROP INDEX ${r.indexname}`);
    await pool.query(`ALTER TABLE usage_events DROP CONSTRAINT usage_events_pkey`);
    await pool.query(
      `WITH c AS (SELECT array_agg(id ORDER BY id) AS ids FROM customers WHERE tenant_id = $1 AND id <> $2),
            m AS (SELECT array_agg(id ORDER BY code) AS ids FROM billable_metrics WHERE tenant_id = $1)
       INSERT INTO usage_events (tenant_id, event_id, customer_id, metric_id, ts, occurred_at, value, properties)
       SELECT $1, 'e' || g,
              CASE WHEN g % 10 = 0 THEN $2::uuid ELSE c.ids[1 + (g % 500) % array_length(c.ids, 1)] END,
              m.ids[1 + g % 3],
              ts, ts, g % 1000, '{}'::jsonb
         FROM generate_series(1, $3::int) g, c, m,
              LATERAL (SELECT CASE WHEN g % 10 = 0
                                   THEN timestamptz '2026-11-01' + ((g / 10) % 2592000) * interval '1 second'
                                   ELSE timestamptz '2026-10-01' + ((g::bigint * 7919) % 7862400) * interval '1 second' END AS ts) t`,
      [tenantId, heavy.id, TOTAL],
    );
    await pool.query(`ALTER TABLE usage_events ADD PRIMARY KEY (tenant_id, event_id)`);
    for (const r of idx.rows) await pool.query(r.indexdef);
    // What ingestion maintains event by event, built in one pass for the bulk load (as the migration backfills).
    await pool.query(`INSERT INTO usage_rollups_hourly (tenant_id, customer_id, metric_id, agent_id, hour, events, value_sum, value_max)
      SELECT tenant_id, customer_id, metric_id, agent_id, date_trunc('hour', ts, 'UTC'), count(*), coalesce(sum(value), 0), max(value)
        FROM usage_events WHERE customer_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5`);
    await pool.query(`VACUUM ANALYZE usage_events`);
    await pool.query(`VACUUM ANALYZE usage_rollups_hourly`);
    const [{ count }] = (await pool.query(`SELECT count(*)::int AS count FROM usage_events`)).rows;
    const typical = (
      await pool.query(`SELECT id FROM customers WHERE tenant_id = $1 AND name = 'c1'`, [tenantId])
    ).rows[0];
    console.log(`loaded ${count.toLocaleString()} events in ${((Date.now() - started) / 1000).toFixed(0)} s`);

    const q = (customer: string) =>
      `${base}/api/v1/usage/summary?customer=${customer}&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z`;
    const heavySummary = await json(q(heavy.id), { headers });
    const heavyEvents = heavySummary.data.reduce((s: number, r: { events: number }) => s + r.events, 0);
    const typicalSummary = await json(q(typical.id), { headers });
    const typicalEvents = typicalSummary.data.reduce((s: number, r: { events: number }) => s + r.events, 0);
    await timed(3, () => json(q(heavy.id), { headers })); // warm
    const heavyTime = await timed(15, () => json(q(heavy.id), { headers }));
    const typicalTime = await timed(15, () => json(q(typical.id), { headers }));
    const byDay = await timed(5, () => json(`${q(heavy.id)}&groupBy=day`, { headers }));

    // Baselines: the same aggregate straight from usage_events, through the covering index (no rollup)
    // and with index scans off (neither).
    const rawSql = `SELECT metric_id, count(*), sum(value), max(value) FROM usage_events
            WHERE tenant_id = $1 AND customer_id = $2 AND ts >= '2026-11-01' AND ts < '2026-12-01' GROUP BY metric_id`;
    const indexOnly = await timed(5, () => pool.query(rawSql, [tenantId, heavy.id]));
    const client = await pool.connect();
    let baseline;
    try {
      await client.query(
        `SET enable_indexscan = off; SET enable_indexonlyscan = off; SET enable_bitmapscan = off`,
      );
      baseline = await timed(3, () => client.query(rawSql, [tenantId, heavy.id]));
    } finally {
      client.release();
    }
    console.table([
      {
        query: `summary by metric, heavy customer-month (${heavyEvents.toLocaleString()} events), via HTTP`,
        'p50 ms': heavyTime.p50,
        'max ms': heavyTime.max,
      },
      {
        query: `summary by metric, typical customer-month (${typicalEvents.toLocaleString()} events), via HTTP`,
        'p50 ms': typicalTime.p50,
        'max ms': typicalTime.max,
      },
      {
        query: 'summary by day (customer timezone), heavy customer-month, via HTTP',
        'p50 ms': byDay.p50,
        'max ms': byDay.max,
      },
      {
        query:
          'baseline: heavy customer-month from usage_events via the covering index, no rollup (SQL only)',
        'p50 ms': indexOnly.p50,
        'max ms': indexOnly.max,
      },
      { query: 'baseline: same, index scans off (SQL only)', 'p50 ms': baseline.p50, 'max ms': baseline.max },
    ]);
    console.log(
      'goal: < 200 ms for one customer-month (hourly rollup maintained at ingest + covering index for partial hours)',
    );
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
