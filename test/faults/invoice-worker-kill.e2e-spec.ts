import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { startTestApp, TestApp } from '../support/test-app';
import { AuthFn, createApiKey, isolatedEnv, signUp, withApiKey } from '../support/auth';
import { until } from '../support/until';
import { SCOPES } from '../../src/shared/context/permissions';

const SUBSCRIPTIONS = 60;
const ROOT = join(__dirname, '..', '..');

/** The worker entry point (src/worker.ts) as a child process, resolved once it reports it is running. */
function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['-r', join(__dirname, 'support', 'swc-register.js'), 'src/worker.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, MIGRATIONS_RUN: 'false', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    // A start takes ~2 s; the deadline is for a machine busy with other test files, not for a normal start.
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${out.slice(-2000)}`)), 60_000);
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('Tollgate workers running')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}:\n${out.slice(-2000)}`)));
  });
}

/**
 * The worker process is killed (SIGKILL) in the middle of an invoice run; another takes over (BullMQ moves
 * the dead worker's jobs back once their lock expires). Exactly one invoice per subscription period, and
 * the numbers are gapless.
 */
describe('an invoice run whose worker process is killed mid-run', () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let api: TestApp;
  let db: Client;
  let auth: AuthFn;
  let tenantId: string;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    const isolated = await isolatedEnv('invkill');
    drop = isolated.drop;
    env = {
      ...isolated.env,
      INVOICE_GRACE_PERIOD_HOURS: '0',
      INVOICE_JOB_BACKOFF_MS: '50',
      INVOICE_WORKER_CONCURRENCY: '2',
      INVOICE_RUN_CRON: 'off',
      INVOICE_OVERDUE_CRON: 'off',
    };
    api = await startTestApp({ env });
    const owner = await signUp(api);
    tenantId = owner.tenantId;
    auth = withApiKey((await createApiKey(api, owner, [...SCOPES])).key);
    db = new Client({ connectionString: env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await db.end();
    await api.close();
    await drop();
  });

  it('one invoice per subscription period, gapless numbers', async () => {
    const customer = await auth(api.http.post('/api/v1/customers'))
      .send({ name: 'Acme', currency: 'USD', timezone: 'UTC' })
      .expect(201);
    const plan = await auth(api.http.post('/api/v1/plans'))
      .send({
        code: 'pro',
        name: 'Pro',
        currency: 'USD',
        interval: 'month',
        charges: [{ kind: 'base', name: 'Platform fee', amount: '49.00', timing: 'arrears' }],
      })
      .expect(201);
    // Started 40 days ago: the first monthly period has ended and is due for invoicing.
    const startDate = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < SUBSCRIPTIONS; i += 10)
      await Promise.all(
        Array.from({ length: 10 }, () =>
          auth(api.http.post('/api/v1/subscriptions'))
            .send({ customerId: customer.body.id, planId: plan.body.id, startDate })
            .expect(201),
        ),
      );

    const count = async () =>
      Number(
        (await db.query('SELECT count(*) AS n FROM invoices WHERE tenant_id = $1', [tenantId])).rows[0].n,
      );
    workers.push(await startWorker(env));
    const run = await auth(api.http.post('/api/v1/invoices/runs')).send({}).expect(202);
    const before = await until(count, (n) => n >= 3, 20_000);
    workers[0].kill('SIGKILL');
    expect(before).toBeLessThan(SUBSCRIPTIONS); // the kill really came mid-run
    workers.push(await startWorker(env));

    const numbered = await until(
      async () =>
        (
          await db.query<{ subscription_id: string; period_start: Date; number: string | null }>(
            'SELECT subscription_id, period_start, number FROM invoices WHERE tenant_id = $1',
            [tenantId],
          )
        ).rows,
      (rows) => rows.length >= SUBSCRIPTIONS && rows.every((r) => r.number),
      90_000,
    );
    const perPeriod = new Map<string, number>();
    for (const r of numbered) {
      const key = `${r.subscription_id}:${r.period_start.toISOString()}`;
      perPeriod.set(key, (perPeriod.get(key) ?? 0) + 1);
    }
    expect(perPeriod.size).toBe(SUBSCRIPTIONS);
    expect([...perPeriod.values()].every((n) => n === 1)).toBe(true);
    const seqs = numbered.map((r) => Number(/(\d+)$/.exec(r.number!)![1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: SUBSCRIPTIONS }, (_, i) => i + 1));
    const status = await auth(api.http.get(`/api/v1/invoices/runs/${run.body.id}`)).expect(200);
    expect(status.body.status).toMatch(/^completed/);
  }, 240_000);
});
