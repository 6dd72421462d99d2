import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { signUpOwner } from './support/sign-up';
import autocannon from 'autocannon';
import { join } from 'node:path';
import { LoadResult, medianOf, percentile, printTable, startServer } from './support/load';
import { announcePort, forkRole, runFakeProvider, startInProcessApi } from './support/in-process-app';
import { pacedLoad } from './support/paced-load';

/**
 * The chat gateway's overhead: the fake OpenAI upstream called directly (baseline) vs through Tollgate's
 * POST /v1/chat/completions (API key auth, agent lookup, RPM/TPM Lua, budget lookup, usage XADD), both
 * non-streaming and streaming (SSE, 20 chunks), in the same run: 1) with an upstream paced like a model and
 * independent clients, BENCH_CONNECTIONS (default 200) of them (the latency goal; 1b the same in lock-step
 * bursts), 2) saturation with an instant upstream against the no-logic reverse proxy in interleaved rounds
 * (the throughput goal: the gateway's req/s >= 40% of the proxy's, and each one's CPU per request),
 * 3) 10,000 more requests to see the heap stay flat.
 * Goal 1: added p50 < 2 ms and p99 < 10 ms at 200 concurrent streams.
 * BENCH_SCENARIOS=saturation (comma-separated: latency, saturation, memory) runs only some;
 * BENCH_SATURATION_CONNECTIONS (50), BENCH_SATURATION_SECONDS, BENCH_SATURATION_ROUNDS (3) and
 * BENCH_SATURATION_KINDS (json,stream) shape scenario 2; BENCH_PROFILE=<dir> profiles the gateway's rounds of it,
 * BENCH_COMPARE=<another checkout> adds that checkout's build as one more target (an A/B in one run);
 * BENCH_FLOORS=fastify adds a Fastify + undici forwarder with no work (the stack's own cost).
 * The bench's API key has a monthly spend cap (BENCH_SPEND_CAP, default 1000000 USD; `off` for none), so
 * budgets are on: every call reserves and settles against it.
 * Processes: the fake upstream, the API and the proxy each in a child process, the load generators here. The API runs without
 * workers (WORKERS_IN_API=false deployment); the usage stream it fills is dropped with the bench's prefix.
 * Uses a throw-away database on the DATABASE_URL server and a throw-away Redis prefix.
 */
const role = process.argv[2];

/**
 * BENCH_PROFILE=<dir>: CPU profiles of the API during the gateway's saturation rounds only (not its start,
 * its warm-up or the other targets' rounds), one .cpuprofile per round, for Chrome DevTools.
 */
const profiler = {
  session: undefined as import('node:inspector').Session | undefined,
  async start() {
    const { Session } = await import('node:inspector');
    const session = (this.session = new Session());
    session.connect();
    const post = (method: string) => new Promise((resolve) => session.post(method, resolve));
    await post('Profiler.enable');
    await post('Profiler.start');
  },
  async stop() {
    const session = this.session;
    if (!session) return;
    const profile = await new Promise<unknown>((resolve) =>
      session.post('Profiler.stop', (_error, result) => resolve(result.profile)),
    );
    session.disconnect();
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const dir = process.env.BENCH_PROFILE!;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `gateway-${process.pid}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    process.send!({ profiled: true });
  },
};

async function runApi() {
  const app = await startInProcessApi(false);
  // How long one event-loop turn takes under the load: every I/O wait on the request path (the client's
  // request, the Redis replies, the upstream's headers and chunks) also waits about this long before its
  // callback runs. Sampled every 20 ms as the delay of a setImmediate; each 'stats' ask starts anew.
  let turns: number[] = [];
  setInterval(() => {
    const t = performance.now();
    setImmediate(() => turns.push(performance.now() - t));
  }, 20).unref();
  process.on('message', (m: string) => {
    if (m === 'stats') {
      const sorted = turns.sort((a, b) => a - b);
      turns = [];
      process.send!({
        stats: {
          cpu: process.cpuUsage(),
          elu: performance.eventLoopUtilization(),
          turnP50: percentile(sorted, 50),
          turnP90: percentile(sorted, 90),
        },
      });
    }
    if (m === 'cpu') process.send!({ cpu: process.cpuUsage() });
    if (m === 'profile:start') void profiler.start();
    if (m === 'profile:stop') void profiler.stop();
  });
  announcePort(app);
}

const start = (args: string[], env: Record<string, string>) => forkRole(__filename, args, env);

type Stats = {
  cpu: NodeJS.CpuUsage;
  elu: ReturnType<typeof performance.eventLoopUtilization>;
  /** setImmediate delay since the previous ask, ms. */
  turnP50: number;
  turnP90: number;
};

/** Asks the API child for one of the figures runApi() answers with ({ [what]: value }). */
function ask(child: ChildProcess, what: 'stats'): Promise<Stats>;
function ask(child: ChildProcess, what: 'memory'): Promise<NodeJS.MemoryUsage>;
function ask(child: ChildProcess, what: 'stats' | 'memory'): Promise<unknown> {
  return new Promise((resolve) => {
    child.once('message', (m: Record<string, unknown>) => resolve(m[what]));
    child.send(what);
  });
}

function askCpu(child: ChildProcess): Promise<NodeJS.CpuUsage> {
  return new Promise((resolve) => {
    const onMessage = (m: { cpu?: NodeJS.CpuUsage }) => {
      if (!m.cpu) return;
      child.off('message', onMessage);
      resolve(m.cpu);
    };
    child.on('message', onMessage);
    child.send('cpu');
  });
}

/** Runs `work` and reports the API process's CPU (share of one core) and event-loop utilization meanwhile. */
async function withApiStats<T>(child: ChildProcess, work: () => Promise<T>): Promise<T> {
  const before = await ask(child, 'stats');
  const t0 = performance.now();
  const result = await work();
  const after = await ask(child, 'stats');
  const ms = performance.now() - t0;
  const cpuMs = (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1000;
  const elu = performance.eventLoopUtilization(after.elu, before.elu).utilization;
  console.log(
    `   API process meanwhile: CPU ${((cpuMs / ms) * 100).toFixed(0)}% of a core, event loop busy ${(elu * 100).toFixed(0)}%, ` +
      `one loop turn p50 ${after.turnP50.toFixed(2)} ms, p90 ${after.turnP90.toFixed(2)} ms`,
  );
  return result;
}

async function main() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  // BENCH_SCENARIOS=saturation (comma-separated: latency, saturation, memory) runs only those.
  const scenarios = new Set((process.env.BENCH_SCENARIOS ?? 'latency,saturation,memory').split(','));
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 200);
  const { withAdmin, databaseUrl } = await import('../test/setup/test-database');
  const runId = randomBytes(3).toString('hex');
  const dbName = `tollgate_bench_${runId}`;
  const prefix = `tgbench_${runId}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${dbName}"`));

  const fake = await start(['fake'], {});
  const upstream = `http://127.0.0.1:${fake.port}/v1`;
  const apiEnv = {
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
  };
  const api = await start(['api'], apiEnv);
  const base = `http://127.0.0.1:${api.port}`;
  // BENCH_COMPARE=<checkout>: that checkout's API (built there with `npm run bench:build`) beside this one,
  // on the same database, Redis prefix and upstream, as one more target of the saturation rounds: an A/B of
  // two builds in one run, so the machine's drift hits both alike. It must not need newer migrations.
  const compareDir = process.env.BENCH_COMPARE;
  const compared =
    compareDir &&
    (await forkRole(join(compareDir, 'dist/bench/bench/chat-gateway.js'), ['api'], {
      ...apiEnv,
      MIGRATIONS_RUN: 'false',
    }));
  // The upstream is reached at its root: the proxy forwards the request path as it is.
  const proxy = await startServer(join(__dirname, 'support/bare-proxy-server'), [], {
    UPSTREAM_URL: `http://127.0.0.1:${fake.port}`,
  });
  // BENCH_FLOORS=fastify: one more saturation target, Fastify + undici forwarding with no work at all (the
  // stack the gateway is built on), to tell the stack's cost from the gateway's own.
  const forwarder = (process.env.BENCH_FLOORS ?? '').split(',').includes('fastify')
    ? await startServer(join(__dirname, 'support/bare-fastify-forwarder'), [], {
        UPSTREAM_URL: `http://127.0.0.1:${fake.port}`,
      })
    : undefined;
  try {
    const post = async (path: string, body: unknown, token?: string, method = 'POST') => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as Record<string, any>;
    };
    const reg = await signUpOwner(base, {
      email: `bench-${runId}@example.test`,
      password: 'bench-password-123',
      name: 'Bench',
      organizationName: 'Bench Org',
    });
    await post('/api/v1/agents', { name: 'Bench', slug: 'bench', model: 'gpt-4o-mini' }, reg.accessToken);
    const created = await post(
      '/api/v1/api-keys',
      { name: 'bench', scopes: ['chat:invoke'] },
      reg.accessToken,
    );
    const key: string = created.key;
    // Budgets on: a monthly spend cap on the key (far above what the bench spends), so every call reserves
    // its worst case and settles it. BENCH_SPEND_CAP=off measures without one.
    const spendCap = process.env.BENCH_SPEND_CAP ?? '1000000';
    if (spendCap !== 'off')
      await post(
        `/api/v1/spend-caps/api-keys/${created.id}`,
        { amount: spendCap, currency: 'USD' },
        reg.accessToken,
        'PUT',
      );
    console.log(
      spendCap === 'off' ? 'No spend cap on the key' : `Spend cap on the key: ${spendCap} USD a month`,
    );

    const body = (content: string, stream: boolean, model: string) =>
      JSON.stringify({
        model,
        messages: [{ role: 'user', content }],
        stream,
        ...(stream ? { stream_options: { include_usage: true } } : {}),
      });
    const direct = (content: string, stream: boolean) => ({
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' },
      body: body(content, stream, 'gpt-4o-mini'),
    });
    const gateway = (content: string, stream: boolean) => ({
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: body(content, stream, 'agent:bench'),
    });
    const run = async (label: string, url: string, req: ReturnType<typeof direct>, secs = seconds) => {
      const r = await autocannon({ url, connections, duration: secs, ...req });
      const result: LoadResult = {
        label,
        rps: Math.round(r.requests.average),
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors,
        non2xx: r.non2xx,
      };
      return result;
    };
    const added = (d: LoadResult, g: LoadResult, what: string) =>
      console.log(
        `${what}: added p50 ${(g.p50 - d.p50).toFixed(2)} ms, added p99 ${(g.p99 - d.p99).toFixed(2)} ms, ` +
          `throughput ${((g.rps / d.rps) * 100).toFixed(1)}% of direct`,
      );

    const directUrl = `${upstream}/chat/completions`;
    const gatewayUrl = `${base}/v1/chat/completions`;
    // Warm-up: JIT, connection pools, the agent and API key caches.
    await run('warmup', directUrl, direct('warm [long:20]', true), 2);
    await run('warmup', gatewayUrl, gateway('warm [long:20]', true), 3);
    const comparedUrl = compared && `http://127.0.0.1:${compared.port}/v1/chat/completions`;
    if (comparedUrl) await run('warmup', comparedUrl, gateway('warm [long:20]', true), 3);

    if (scenarios.has('latency')) {
      // 1) Latency added at 200 concurrent streams with a model-like upstream: streams of 20 chunks 50 ms
      //    apart (~1 s each), JSON answers after 1 s. This is the goal's scenario: independent clients, their
      //    starts spread over one stream's length (bench/support/paced-load.ts).
      console.log(
        `\n1) added latency, ${connections} concurrent clients (starts spread over 1 s), upstream paced like a model`,
      );
      const paced = (label: string, url: string, req: ReturnType<typeof direct>) =>
        pacedLoad(label, url, { users: connections, seconds, rampMs: 1000, ...req });
      // This VM's speed drifts within minutes: the stream scenario runs in rounds of direct, proxy and gateway
      // back to back, and the figures are the medians of each round's added latency.
      const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
      const streamRuns: LoadResult[][] = [];
      for (let i = 0; i < rounds; i++)
        streamRuns.push([
          await paced('direct, stream 20x50ms', directUrl, direct('paced [long:20] [drip:50]', true)),
          await paced(
            'bare proxy, stream 20x50ms',
            `http://127.0.0.1:${proxy.port}/v1/chat/completions`,
            direct('paced [long:20] [drip:50]', true),
          ),
          await withApiStats(api.child, () =>
            paced('gateway, stream 20x50ms', gatewayUrl, gateway('paced [long:20] [drip:50]', true)),
          ),
        ]);
      printTable(streamRuns.flat());
      for (const [col, what] of [
        [1, 'stream, bare proxy (floor: one more process, no work)'],
        [2, 'stream, gateway (goal: p50 < 2 ms, p99 < 10 ms)'],
      ] as const) {
        const p50s = streamRuns.map((r) => r[col].p50 - r[0].p50);
        const p99s = streamRuns.map((r) => r[col].p99 - r[0].p99);
        // Where the added time is: before the first byte (auth, limits, reaching the upstream) or after it.
        const firstByte = streamRuns.map((r) => r[col].firstByteP50! - r[0].firstByteP50!);
        console.log(
          `${what}: added p50 ${medianOf(p50s).toFixed(2)} ms, p99 ${medianOf(p99s).toFixed(2)} ms ` +
            `(medians of ${rounds} rounds; p50 per round ${p50s.map((x) => x.toFixed(1)).join(', ')}; ` +
            `p99 ${p99s.map((x) => x.toFixed(1)).join(', ')}); of the p50, to the first byte ` +
            `${medianOf(firstByte).toFixed(2)} ms`,
        );
      }
      const steadyJson = [
        await paced('direct, JSON after 1 s', directUrl, direct('paced [long:20] [slow:1000]', false)),
        await withApiStats(api.child, () =>
          paced('gateway, JSON after 1 s', gatewayUrl, gateway('paced [long:20] [slow:1000]', false)),
        ),
      ];
      printTable(steadyJson);
      added(steadyJson[0], steadyJson[1], 'JSON, gateway');

      // 1b) The same in lock-step: autocannon opens all connections at once and, with a fixed-length upstream,
      //     every request arrives in a burst of `connections` (worst case, not the goal's scenario).
      console.log(`\n1b) the same with all ${connections} clients in lock-step (bursts of ${connections})`);
      const lockstep = [
        await run('direct, stream 20x50ms', directUrl, direct('paced [long:20] [drip:50]', true)),
        await run('gateway, stream 20x50ms', gatewayUrl, gateway('paced [long:20] [drip:50]', true)),
        await run('direct, JSON after 1 s', directUrl, direct('paced [long:20] [slow:1000]', false)),
        await run('gateway, JSON after 1 s', gatewayUrl, gateway('paced [long:20] [slow:1000]', false)),
      ];
      printTable(lockstep);
      added(lockstep[0], lockstep[1], 'stream, lock-step');
      added(lockstep[2], lockstep[3], 'JSON, lock-step');
    }

    // 2) Saturation: an instant upstream, so the figures are each process's own cost per request. The
    //    no-logic proxy is the floor (the goal: the gateway's throughput >= 40% of the proxy's). Rounds of
    //    direct, proxy and gateway back to back, JSON then stream, so the VM's drift hits all alike; the
    //    figures are medians over the rounds.
    if (scenarios.has('saturation')) {
      const satConnections = Number(process.env.BENCH_SATURATION_CONNECTIONS ?? 50);
      const satSeconds = Number(process.env.BENCH_SATURATION_SECONDS ?? Math.ceil(seconds / 2));
      const satRounds = Number(process.env.BENCH_SATURATION_ROUNDS ?? 3);
      console.log(
        `\n2) saturation throughput, ${satConnections} connections, instant upstream, ` +
          `${satRounds} interleaved rounds of ${satSeconds} s`,
      );
      const proxyUrl = `http://127.0.0.1:${proxy.port}/v1/chat/completions`;
      const targets = (stream: boolean) => [
        { label: 'upstream directly', url: directUrl, req: direct('fast [long:20]', stream) },
        {
          label: 'no-logic proxy',
          url: proxyUrl,
          req: direct('fast [long:20]', stream),
          child: proxy.child,
        },
        { label: 'gateway', url: gatewayUrl, req: gateway('fast [long:20]', stream), child: api.child },
        ...(forwarder
          ? [
              {
                label: 'Fastify + undici forwarder',
                url: `http://127.0.0.1:${forwarder.port}/v1/chat/completions`,
                req: direct('fast [long:20]', stream),
                child: forwarder.child,
              },
            ]
          : []),
        ...(compared && comparedUrl
          ? [
              {
                label: 'gateway, compared build',
                url: comparedUrl,
                req: gateway('fast [long:20]', stream),
                child: compared.child,
              },
            ]
          : []),
      ];
      // BENCH_SATURATION_KINDS=json (or stream) measures one kind only, e.g. for a profile of one path.
      const kindsWanted = (process.env.BENCH_SATURATION_KINDS ?? 'json,stream').split(',');
      const kinds = [false, true].filter((stream) => kindsWanted.includes(stream ? 'stream' : 'json'));
      type Sample = {
        rps: number;
        cpuMs?: number;
        redisCpuMs?: number;
        p50: number;
        p99: number;
        errors: number;
        non2xx: number;
      };
      const samples = new Map<string, Sample[]>();
      // Redis shares the machine: its CPU (INFO cpu, user + sys) per gateway request is part of the cost.
      const { default: Redis } = await import('ioredis');
      const redisInfo = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
      const redisCpuSeconds = async () => {
        const info = await redisInfo.info('cpu');
        const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
        return field('used_cpu_user') + field('used_cpu_sys');
      };
      for (let i = 0; i < satRounds; i++)
        for (const stream of kinds)
          for (const t of targets(stream)) {
            const child = 'child' in t ? t.child : undefined;
            const profiled = process.env.BENCH_PROFILE && child === api.child;
            if (profiled) child.send('profile:start');
            const cpu0 = child && (await askCpu(child));
            const redis0 = await redisCpuSeconds();
            const r = await autocannon({
              url: t.url,
              connections: satConnections,
              duration: satSeconds,
              ...t.req,
            });
            const cpu1 = child && (await askCpu(child));
            const redisCpuMs = ((await redisCpuSeconds()) - redis0) * 1000;
            if (profiled)
              await new Promise((resolve) => {
                child.once('message', resolve);
                child.send('profile:stop');
              });
            const key = `${t.label}, ${stream ? 'stream' : 'JSON'}`;
            const cpuMs =
              cpu0 && cpu1
                ? (cpu1.user + cpu1.system - cpu0.user - cpu0.system) / 1000 / r['2xx']
                : undefined;
            samples.set(key, [
              ...(samples.get(key) ?? []),
              {
                rps: r.requests.average,
                cpuMs,
                redisCpuMs: t.label.startsWith('gateway') ? redisCpuMs / r['2xx'] : undefined,
                p50: r.latency.p50,
                p99: r.latency.p99,
                errors: r.errors,
                non2xx: r.non2xx,
              },
            ]);
          }
      const med = (key: string, pick: (s: Sample) => number | undefined) => {
        const xs = samples
          .get(key)!
          .map(pick)
          .filter((x): x is number => x !== undefined);
        return xs.length ? medianOf(xs) : undefined;
      };
      console.table(
        [...samples.keys()].map((key) => ({
          target: key,
          'req/s (median)': Math.round(med(key, (s) => s.rps)!),
          'req/s per round': samples
            .get(key)!
            .map((s) => Math.round(s.rps))
            .join(', '),
          'CPU ms/request': med(key, (s) => s.cpuMs)?.toFixed(3) ?? '',
          'Redis CPU ms/req': med(key, (s) => s.redisCpuMs)?.toFixed(3) ?? '',
          'p50 ms': med(key, (s) => s.p50),
          'p99 ms': med(key, (s) => s.p99),
          errors: samples.get(key)!.reduce((n, s) => n + s.errors, 0),
          non2xx: samples.get(key)!.reduce((n, s) => n + s.non2xx, 0),
        })),
      );
      for (const kind of kinds.map((stream) => (stream ? 'stream' : 'JSON'))) {
        const proxyRuns = samples.get(`no-logic proxy, ${kind}`)!;
        const ratios = samples.get(`gateway, ${kind}`)!.map((g, i) => g.rps / proxyRuns[i].rps);
        const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
        console.log(
          `${kind}: gateway throughput ${pct(medianOf(ratios))} of the no-logic proxy's (goal >= 40%; ` +
            `median of rounds ${ratios.map(pct).join(', ')}); CPU per request: gateway ` +
            `${med(`gateway, ${kind}`, (s) => s.cpuMs)!.toFixed(3)} ms, proxy ` +
            `${med(`no-logic proxy, ${kind}`, (s) => s.cpuMs)!.toFixed(3)} ms`,
        );
        /** One more target's share of the proxy's throughput, round by round, if it ran. */
        const printShare = (target: string, name: string) => {
          const runs = samples.get(`${target}, ${kind}`);
          if (!runs) return;
          const shares = runs.map((r, i) => r.rps / proxyRuns[i].rps);
          console.log(
            `${kind}: ${name} ${pct(medianOf(shares))} of the proxy's (rounds ` +
              `${shares.map(pct).join(', ')}); CPU per request ` +
              `${med(`${target}, ${kind}`, (s) => s.cpuMs)!.toFixed(3)} ms`,
          );
        };
        printShare('Fastify + undici forwarder', 'Fastify + undici forwarder');
        printShare('gateway, compared build', 'compared build');
        const other = samples.get(`gateway, compared build, ${kind}`);
        if (other) {
          // Round by round, the two builds met the same machine within seconds of each other.
          const perRound = samples.get(`gateway, ${kind}`)!.map((g, i) => g.rps / other[i].rps);
          console.log(
            `${kind}: this build / compared build, req/s per round ${perRound.map((x) => x.toFixed(2)).join(', ')}` +
              ` (median ${medianOf(perRound).toFixed(2)}, this build ahead in ` +
              `${perRound.filter((x) => x > 1).length} of ${perRound.length})`,
          );
        }
      }
      redisInfo.disconnect();
    }

    if (scenarios.has('memory')) {
      const before = await ask(api.child, 'memory');
      const soak = await autocannon({
        url: gatewayUrl,
        connections,
        amount: 10_000,
        ...gateway('soak [long:20]', true),
      });
      const after = await ask(api.child, 'memory');
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      console.log(
        `\n3) memory over 10,000 streamed requests (${soak.non2xx} non-2xx): heapUsed ${mb(before.heapUsed)} -> ` +
          `${mb(after.heapUsed)} MiB, rss ${mb(before.rss)} -> ${mb(after.rss)} MiB`,
      );
    }
  } finally {
    // The API's queues write keys until it has exited: wait for that (at most 5 s) before deleting them.
    const apiExited = new Promise((r) => {
      api.child.once('exit', r);
      setTimeout(r, 5000).unref();
    });
    api.child.send('exit');
    fake.child.kill();
    proxy.child.kill();
    forwarder?.child.kill();
    if (compared) {
      const exited = new Promise((r) => compared.child.once('exit', r));
      compared.child.send('exit');
      await exited;
    }
    await apiExited;
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
    const { default: Redis } = await import('ioredis');
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    // Scanned and deleted in pages: a run that left many keys would not fit one DEL's argument list.
    for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 1000 }) as AsyncIterable<
      string[]
    >)
      if (keys.length) await redis.unlink(...keys);
    redis.disconnect();
  }
}

if (role === 'fake') void runFakeProvider();
else if (role === 'api') void runApi();
else
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
