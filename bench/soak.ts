import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { percentile } from './support/load';
import { announcePort, forkRole, runFakeProvider, startInProcessApi } from './support/in-process-app';

/**
 * Soak: a fixed mix of traffic at a fixed rate (open loop: requests are sent on schedule whatever the
 * answers do) against the full app with its workers, for N minutes (`npm run bench:soak -- N`, default 2):
 * usage batches, chat completions (JSON, streamed, and streams the client aborts after the first chunk)
 * through a fake provider paced like a model, and reads. Each minute: p50/p99 per kind, errors, the API's
 * RSS and heap (after a GC); at the end the heap's slope (least squares over the minutes after the first),
 * the in-flight gauge, and whether every chat call reached llm_usage exactly once. The baseline is the
 * first minute of the same run. Uses a throw-away database and Redis prefix on DATABASE_URL / REDIS_URL.
 */
const role = process.argv[2];

/** Requests per second of each kind. */
const RATE = { ingest: 4, chatJson: 8, chatStream: 8, chatAborted: 2, read: 8 };
type Kind = keyof typeof RATE;
const OWNER = { email: 'soak-owner@example.test', password: 'bench-password-123' };

async function runApi() {
  const app = await startInProcessApi(true);
  // The owner is made the way `npm run cli -- owner:create` does (sign-up through HTTP needs the
  // verification mail).
  const { ClsService } = await import('nestjs-cls');
  const { CreateOwner } = await import('../src/modules/auth/application/create-owner.use-case');
  await app.get(ClsService).run(() =>
    app.get(CreateOwner).execute({
      email: OWNER.email,
      password: OWNER.password,
      name: 'Soak',
      organizationName: 'Soak Org',
    }),
  );
  announcePort(app);
}

const start = (args: string[], env: Record<string, string>) => forkRole(__filename, args, env);

const memoryOf = (child: ChildProcess): Promise<NodeJS.MemoryUsage> =>
  new Promise((resolve) => {
    const on = (m: { memory?: NodeJS.MemoryUsage }) => {
      if (!m.memory) return;
      child.off('message', on);
      resolve(m.memory);
    };
    child.on('message', on);
    child.send('memory');
  });

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Least-squares slope of ys over xs. */
function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const num = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0);
  const den = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return den ? num / den : 0;
}

async function main() {
  const minutes = Math.max(1, Number(process.argv[2] ?? process.env.BENCH_MINUTES ?? 2));
  const { withAdmin, databaseUrl } = await import('../test/setup/test-database');
  const runId = randomBytes(3).toString('hex');
  const dbName = `tollgate_bench_soak_${runId}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  const fake = await start(['fake'], {});
  const api = await start(['api'], {
    DATABASE_URL: databaseUrl(dbName),
    MIGRATIONS_RUN: 'true',
    REDIS_KEY_PREFIX: `tgbench_soak_${runId}`,
    LOG_LEVEL: 'warn',
    OPENAI_BASE_URL: `http://127.0.0.1:${fake.port}/v1`,
    OPENAI_API_KEY: 'sk-bench',
    CHAT_USAGE_SPOOL_DIR: `/tmp/tollgate-soak-${runId}`,
    INVOICE_RUN_CRON: 'off',
    INVOICE_OVERDUE_CRON: 'off',
    CHAT_RPM_PER_KEY: '100000000',
    CHAT_RPM_PER_TENANT: '100000000',
    CHAT_TPM_PER_KEY: '100000000000',
    CHAT_TPM_PER_TENANT: '100000000000',
  });
  const base = `http://127.0.0.1:${api.port}`;
  const db = new Client({ connectionString: databaseUrl(dbName) });
  await db.connect();
  try {
    const call = async (path: string, init: RequestInit = {}) => {
      const res = await fetch(`${base}${path}`, {
        ...init,
        headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as Record<string, any>;
    };
    const login = await call('/api/v1/auth/login', { method: 'POST', body: JSON.stringify(OWNER) });
    const post = (path: string, body: unknown) =>
      call(path, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { authorization: `Bearer ${login.accessToken}` },
      });
    await post('/api/v1/customers', { name: 'Acme', currency: 'USD', externalId: 'acme' });
    await post('/api/v1/billable-metrics', { code: 'calls', name: 'Calls', aggregation: 'count' });
    const key = (
      await post('/api/v1/api-keys', {
        name: 'soak',
        scopes: ['chat:invoke', 'usage:write', 'usage:read', 'agents:read'],
      })
    ).key as string;
    const headers = { 'content-type': 'application/json', 'x-api-key': key };

    let seq = 0;
    const chatBody = (stream: boolean) =>
      JSON.stringify({
        model: 'gpt-4o-mini',
        stream,
        max_tokens: 64,
        messages: [{ role: 'user', content: `soak ${seq++} [long:40] [drip:${stream ? 10 : 0}]` }],
      });
    const send: Record<Kind, () => Promise<number>> = {
      ingest: async () => {
        const b = seq++;
        const events = Array.from({ length: 100 }, (_, i) => ({
          eventId: `s${b}-${i}`,
          externalCustomerId: 'acme',
          metric: 'calls',
          timestamp: new Date().toISOString(),
        }));
        const res = await fetch(`${base}/api/v1/usage/events`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ events }),
        });
        await res.arrayBuffer();
        return res.status;
      },
      chatJson: async () => {
        const res = await fetch(`${base}/v1/chat/completions`, {
          method: 'POST',
          headers,
          body: chatBody(false),
        });
        await res.arrayBuffer();
        return res.status;
      },
      chatStream: async () => {
        const res = await fetch(`${base}/v1/chat/completions`, {
          method: 'POST',
          headers,
          body: chatBody(true),
        });
        await res.arrayBuffer();
        return res.status;
      },
      chatAborted: async () => {
        const controller = new AbortController();
        const res = await fetch(`${base}/v1/chat/completions`, {
          method: 'POST',
          headers,
          body: chatBody(true),
          signal: controller.signal,
        });
        await res.body!.getReader().read();
        controller.abort();
        return res.status;
      },
      read: async () => {
        const res = await fetch(`${base}/api/v1/agents?limit=20`, { headers });
        await res.arrayBuffer();
        return res.status;
      },
    };

    const kinds = Object.keys(RATE) as Kind[];
    const chatCalls = { sent: 0, answered: 0 };
    /** Failures by kind and status (0 = no HTTP answer), for the summary. */
    const failures = new Map<string, number>();
    const fail = (kind: Kind, status: number) =>
      failures.set(`${kind} ${status}`, (failures.get(`${kind} ${status}`) ?? 0) + 1);
    type Minute = Record<Kind, { ms: number[]; errors: number }>;
    const fresh = (): Minute =>
      Object.fromEntries(kinds.map((k) => [k, { ms: [], errors: 0 }])) as unknown as Minute;
    let current = fresh();
    const inFlight = new Set<Promise<void>>();
    const fire = (kind: Kind) => {
      const bucket = current[kind];
      const t0 = performance.now();
      if (kind.startsWith('chat')) chatCalls.sent++;
      const p: Promise<void> = send[kind]()
        .then((status) => {
          if (status >= 200 && status < 300) {
            bucket.ms.push(performance.now() - t0);
            if (kind.startsWith('chat')) chatCalls.answered++;
          } else {
            bucket.errors++;
            fail(kind, status);
          }
        })
        .catch(() => {
          bucket.errors++;
          fail(kind, 0);
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    };

    console.log(
      `soak: ${minutes} min at ${kinds.map((k) => `${RATE[k]}/s ${k}`).join(', ')} (baseline: minute 1)\n`,
    );
    const header = ['min', ...kinds.map((k) => `${k} p50/p99 ms (err)`), 'RSS MB', 'heap MB'];
    console.log(header.join(' | '));
    const heaps: number[] = [];
    const TICK_MS = 100;
    const credit = Object.fromEntries(kinds.map((k) => [k, 0])) as Record<Kind, number>;
    for (let m = 1; m <= minutes; m++) {
      const end = Date.now() + 60_000;
      while (Date.now() < end) {
        for (const k of kinds) {
          credit[k] += (RATE[k] * TICK_MS) / 1000;
          while (credit[k] >= 1) {
            credit[k]--;
            fire(k);
          }
        }
        await new Promise((r) => setTimeout(r, TICK_MS));
      }
      const done = current;
      current = fresh();
      const memory = await memoryOf(api.child);
      heaps.push(memory.heapUsed);
      const cells = kinds.map((k) => {
        const sorted = done[k].ms.sort((a, b) => a - b);
        return `${percentile(sorted, 50).toFixed(1)}/${percentile(sorted, 99).toFixed(1)} (${done[k].errors})`;
      });
      console.log([String(m), ...cells, mb(memory.rss), mb(memory.heapUsed)].join(' | '));
    }
    await Promise.all([...inFlight]);

    const later = heaps.slice(1);
    const heapSlope =
      later.length >= 2
        ? slope(
            later.map((_, i) => i),
            later,
          )
        : NaN;
    console.log(
      `\nheap slope after minute 1: ${Number.isNaN(heapSlope) ? 'n/a (needs 3+ minutes)' : `${mb(heapSlope)} MB/min`}`,
    );
    console.log(`failures by kind and status: ${JSON.stringify(Object.fromEntries(failures))}`);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    console.log(
      `http_requests_in_flight at the end: ${/^http_requests_in_flight (\S+)$/m.exec(metrics)?.[1]}`,
    );
    const deadline = Date.now() + 15_000;
    let rows = 0;
    while (Date.now() < deadline) {
      rows = Number((await db.query('SELECT count(*) AS n FROM llm_usage')).rows[0].n);
      if (rows >= chatCalls.answered) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    console.log(
      `chat calls sent: ${chatCalls.sent}, answered 2xx: ${chatCalls.answered}, llm_usage rows: ${rows}`,
    );
  } finally {
    await db.end();
    api.child.send('exit');
    fake.child.kill();
    await new Promise((r) => setTimeout(r, 500));
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
  }
}

if (role === 'fake') void runFakeProvider();
else if (role === 'api') void runApi();
else
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
