import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { signUpOwner } from './support/sign-up';
import { Pool } from 'pg';

/**
 * Invoice run throughput: N subscriptions (each with its own customer) whose monthly period has ended,
 * EVENTS_PER_SUB usage events each (sum metric, usage + base charge), invoiced by one
 * POST /api/v1/invoices/runs through the real BullMQ workers (in this process) until the run reports
 * completed. Printed at 1k, 5k and 10k subscriptions (10k x 1,000 = 10 million events) to show the cost
 * grows linearly. Same-run baseline: one GROUP BY over the same events (the least any run must read).
 * Goal: 10k subscriptions in < 60 s on 2 cores. Seeding (SQL, untimed) clones a subscription made through
 * the API. Uses a throw-away database on the DATABASE_URL server and a throw-away Redis prefix.
 */
const STEPS = (process.env.BENCH_STEPS ?? '1000,5000,10000').split(',').map(Number);
const EVENTS_PER_SUB = Number(process.env.BENCH_EVENTS_PER_SUB ?? 1000);
const CUSTOMERS_PER_CHUNK = Math.max(1, Math.floor(1_000_000 / EVENTS_PER_SUB));

async function json(
  url: string,
  init: RequestInit & { headers?: Record<string, string> } = {},
): Promise<any> {
  const res = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

async function main() {
  const { withAdmin, databaseUrl } = await import('../test/setup/test-database');
  const runId = randomBytes(3).toString('hex');
  const dbName = `tollgate_bench_invoices_${runId}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  const env = {
    DATABASE_URL: databaseUrl(dbName),
    MIGRATIONS_RUN: 'true',
    REDIS_KEY_PREFIX: `tgbench_${runId}`,
    LOG_LEVEL: 'warn',
    INVOICE_GRACE_PERIOD_HOURS: '0', // complete invoices: rated, committed at Billing and numbered
    // Only the measured run may invoice: an hourly tick during the bench would invoice the next periods too.
    INVOICE_RUN_CRON: 'off',
    INVOICE_OVERDUE_CRON: 'off',
  };
  const { loadConfig } = await import('../src/config/app-config');
  const { createRootLogger } = await import('../src/shared/logging/logger');
  const { createHttpApp } = await import('../src/http-app');
  const config = loadConfig(process.env, env);
  const app = await createHttpApp({ config, logger: createRootLogger('warn'), workers: true });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: 4 });
  const rows: {
    subs: number;
    events: number;
    seedS: number;
    baselineS: number;
    runS: number;
    nodeCpuS: number;
  }[] = [];

  try {
    for (const subs of STEPS) {
      const seedStarted = process.hrtime.bigint();
      const reg = await signUpOwner(base, {
        email: `bench-${runId}-${subs}@example.test`,
        password: 'correct-horse-battery-staple',
        name: 'Bench',
        organizationName: `Bench ${subs}`,
      });
      const tenantId: string = reg.organization.id;
      const owner = { authorization: `Bearer ${reg.accessToken}`, 'x-organization-id': tenantId };
      // By default each finalized invoice is mailed with its PDF, as for any organization; BENCH_MAIL=off
      // turns that mail off to measure the run without the notification worker's share of the machine.
      if (process.env.BENCH_MAIL === 'off')
        await json(`${base}/api/v1/notification-settings`, {
          method: 'PUT',
          headers: owner,
          body: JSON.stringify({
            enabledEvents: [
              'invoice.payment_failed',
              'credits.low',
              'subscription.trial_ending',
              'spend_cap.reached',
            ],
          }),
        });
      const metric = await json(`${base}/api/v1/billable-metrics`, {
        method: 'POST',
        headers: owner,
        body: JSON.stringify({ code: 'tokens', name: 'Tokens', aggregation: 'sum', field: 'tokens' }),
      });
      const plan = await json(`${base}/api/v1/plans`, {
        method: 'POST',
        headers: owner,
        body: JSON.stringify({
          code: 'bench',
          name: 'Bench plan',
          currency: 'USD',
          interval: 'month',
          charges: [
            { kind: 'base', name: 'Platform fee', amount: '49.00', timing: 'arrears' },
            {
              kind: 'usage',
              name: 'Tokens',
              metricCode: 'tokens',
              price: { model: 'per_unit', unitAmount: '0.000002' },
            },
          ],
        }),
      });
      const template = await json(`${base}/api/v1/customers`, {
        method: 'POST',
        headers: owner,
        body: JSON.stringify({ name: 'Bench customer', currency: 'USD', timezone: 'UTC', taxRate: '20' }),
      });
      const now = new Date();
      // Started on the first of last month: exactly one period has ended (a run catches up every ended period).
      const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
      const sub = await json(`${base}/api/v1/subscriptions`, {
        method: 'POST',
        headers: owner,
        body: JSON.stringify({ customerId: template.id, planId: plan.id, startDate: start.toISOString() }),
      });
      // Clone the template customer and subscription (so the rows are exactly what the API writes).
      await pool.query(
        `WITH c AS (
           INSERT INTO customers (id, tenant_id, name, currency, timezone, tax_rate)
           SELECT gen_random_uuid(), tenant_id, name || ' ' || g, currency, timezone, tax_rate
             FROM customers, generate_series(2, $3) g WHERE tenant_id = $1 AND id = $2
           RETURNING id)
         INSERT INTO subscriptions (id, tenant_id, customer_id, plan_id, plan_version_id, status, seats, timezone,
           started_at, trial_end, anchor_date, period_index, current_period_start, current_period_end)
         SELECT gen_random_uuid(), s.tenant_id, c.id, s.plan_id, s.plan_version_id, s.status, s.seats, s.timezone,
           s.started_at, s.trial_end, s.anchor_date, s.period_index, s.current_period_start, s.current_period_end
           FROM subscriptions s, c WHERE s.tenant_id = $1 AND s.id = $4`,
        [tenantId, template.id, subs, sub.id],
      );
      const periodStart = new Date(sub.currentPeriodStart);
      const customers = (
        await pool.query(`SELECT id FROM customers WHERE tenant_id = $1 ORDER BY id`, [tenantId])
      ).rows.map((r) => r.id as string);
      // Events every 6 minutes from the period start (bursty usage: ~10 per hour), with the hourly rollups
      // Billing keeps beside them.
      for (let i = 0; i < customers.length; i += CUSTOMERS_PER_CHUNK) {
        await pool.query(
          `WITH ins AS (
             INSERT INTO usage_events (tenant_id, event_id, customer_id, metric_id, ts, occurred_at, value, properties)
             SELECT $1, c.id || ':' || g, c.id, $2, $3::timestamptz + g * interval '6 minutes',
                    $3::timestamptz + g * interval '6 minutes', 100 + (g % 900), '{}'
               FROM unnest($4::uuid[]) AS c(id), generate_series(1, $5) g
             RETURNING customer_id, metric_id, ts, value)
           INSERT INTO usage_rollups_hourly (tenant_id, customer_id, metric_id, agent_id, hour, events, value_sum, value_max)
           SELECT $1, customer_id, metric_id, NULL, date_trunc('hour', ts, 'UTC'), count(*), sum(value), max(value)
             FROM ins GROUP BY customer_id, metric_id, date_trunc('hour', ts, 'UTC')`,
          [tenantId, metric.id, periodStart, customers.slice(i, i + CUSTOMERS_PER_CHUNK), EVENTS_PER_SUB],
        );
      }
      await pool.query(`VACUUM ANALYZE usage_events`);
      await pool.query(`VACUUM ANALYZE usage_rollups_hourly`);
      await pool.query(`ANALYZE subscriptions`);
      const seedS = seconds(seedStarted);

      const baselineStarted = process.hrtime.bigint();
      await pool.query(
        `SELECT customer_id, count(*), sum(value) FROM usage_events WHERE tenant_id = $1 AND metric_id = $2 GROUP BY 1`,
        [tenantId, metric.id],
      );
      const baselineS = seconds(baselineStarted);

      const runStarted = process.hrtime.bigint();
      const cpuBefore = process.cpuUsage();
      const run = await json(`${base}/api/v1/invoices/runs`, { method: 'POST', headers: owner, body: '{}' });
      let progress = run;
      while (progress.status !== 'completed' && progress.status !== 'completed_with_failures') {
        await new Promise((r) => setTimeout(r, 200));
        progress = await json(`${base}/api/v1/invoices/runs/${run.id}`, { headers: owner });
      }
      const runS = seconds(runStarted);
      const cpu = process.cpuUsage(cpuBefore);
      const nodeCpuS = (cpu.user + cpu.system) / 1e6;
      const check = await pool.query(
        `SELECT count(*)::int AS n, count(DISTINCT number)::int AS numbered, max(number) AS last,
           min(total)::text AS min, max(total)::text AS max
         FROM invoices WHERE tenant_id = $1 AND status = 'finalized'`,
        [tenantId],
      );
      const gapless = check.rows[0].last?.endsWith(String(subs).padStart(6, '0'));
      if (check.rows[0].n !== subs || check.rows[0].numbered !== subs || !gapless || progress.jobsFailed)
        throw new Error(`expected ${subs} numbered invoices, got ${JSON.stringify(check.rows[0])}`);
      rows.push({ subs, events: subs * EVENTS_PER_SUB, seedS, baselineS, runS, nodeCpuS });
      console.log(
        `${subs} subscriptions: run ${runS.toFixed(1)} s (${(subs / runS).toFixed(0)} subs/s), ` +
          `${check.rows[0].numbered} finalized invoices up to ${check.rows[0].last}, ` +
          `totals ${check.rows[0].min}..${check.rows[0].max}, seeding ${seedS.toFixed(1)} s`,
      );
    }

    console.log(
      '\nsubscriptions | usage events | run seconds | subscriptions/s | ms/subscription | node CPU s | baseline GROUP BY s',
    );
    for (const r of rows)
      console.log(
        [
          String(r.subs).padStart(13),
          String(r.events).padStart(12),
          r.runS.toFixed(1).padStart(11),
          (r.subs / r.runS).toFixed(0).padStart(15),
          ((r.runS * 1000) / r.subs).toFixed(2).padStart(15),
          r.nodeCpuS.toFixed(1).padStart(10),
          r.baselineS.toFixed(2).padStart(19),
        ].join(' | '),
      );
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (rows.length > 1)
      console.log(
        `linearity: ${last.subs / first.subs}x subscriptions took ${(last.runS / first.runS).toFixed(1)}x the time`,
      );
    console.log(
      `goal: ${last.subs} subscriptions in < 60 s -> ${last.runS < 60 ? 'met' : 'NOT met'} (${last.runS.toFixed(1)} s)`,
    );
  } finally {
    await pool.end();
    await app.close();
    if (!process.env.BENCH_KEEP_DB)
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch(
        () => undefined,
      );
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
