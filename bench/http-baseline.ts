import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, LoadResult, median, medianOf, printTable, startServer } from './support/load';

/**
 * GET /health through Tollgate's full stack (CLS context, guard, metrics hooks, filters, validation pipe)
 * vs a bare Fastify server answering the same route, measured in the same run. Goal: >= 70% of bare.
 * Uses the databases in DATABASE_URL/REDIS_URL (defaults: local Postgres and Redis).
 */
/** User + system CPU time of a process so far, in ms (Linux /proc; clock ticks are 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function main() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 3);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
  const bare = await startServer(join(__dirname, 'support/bare-fastify-server'));
  const nest = await startServer(join(__dirname, 'support/bare-nest-server'));
  const full = await startServer(join(__dirname, 'support/full-app-server'), [], {
    BENCH_LOG_LEVEL: 'info',
  });
  try {
    // Warm up both (JIT, pools) before measuring.
    await load('warmup', `http://127.0.0.1:${bare.port}/health`, { seconds: 2, connections });
    await load('warmup', `http://127.0.0.1:${nest.port}/health`, { seconds: 2, connections });
    await load('warmup', `http://127.0.0.1:${full.port}/health`, { seconds: 2, connections });
    // Alternate the targets over several rounds, so background load on the machine hits all alike.
    const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
    const targets = [
      { label: 'bare fastify GET /health', server: bare },
      { label: 'bare NestJS+Fastify GET /health', server: nest },
      { label: 'tollgate GET /health', server: full },
    ];
    const runs: Array<Array<LoadResult & { cpuUs: number }>> = targets.map(() => []);
    for (let i = 0; i < rounds; i++) {
      for (const [t, target] of targets.entries()) {
        const cpuBefore = cpuMsOf(target.server.child.pid!);
        const r = await load(target.label, `http://127.0.0.1:${target.server.port}/health`, {
          seconds,
          connections,
        });
        runs[t].push({
          ...r,
          cpuUs: ((cpuMsOf(target.server.child.pid!) - cpuBefore) * 1000) / (r.rps * seconds),
        });
      }
    }
    const rows = runs.map(median);
    printTable(rows);
    // This VM's speed drifts by up to 2x over minutes, so each round's ratio compares runs seconds apart and
    // the median of those paired ratios is the figure. The load generator has one core and can be the limit
    // for the bare server, which flatters the throughput ratio; the server CPU per request does not depend
    // on that, so its ratio (bare / tollgate) is printed as well: the throughput ratio a server-bound run gets.
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const [bareRuns, nestRuns, fullRuns] = runs;
    const ratios = fullRuns.map((f, i) => f.rps / bareRuns[i].rps);
    const cpuRatios = fullRuns.map((f, i) => bareRuns[i].cpuUs / f.cpuUs);
    console.log(
      `server CPU per request (median): bare fastify ${medianOf(bareRuns.map((r) => r.cpuUs)).toFixed(1)} µs, ` +
        `bare NestJS ${medianOf(nestRuns.map((r) => r.cpuUs)).toFixed(1)} µs, ` +
        `tollgate ${medianOf(fullRuns.map((r) => r.cpuUs)).toFixed(1)} µs`,
    );
    console.log(`per-round tollgate/bare throughput ratios: ${ratios.map(pct).join(', ')}`);
    console.log(`tollgate/bare throughput ratio (median of rounds): ${pct(medianOf(ratios))} (goal >= 70%)`);
    console.log(
      `tollgate/bare capacity from CPU per request (median of rounds): ${pct(medianOf(cpuRatios))} ` +
        `(rounds: ${cpuRatios.map(pct).join(', ')})`,
    );
    console.log(
      `added p50: ${(rows[2].p50 - rows[0].p50).toFixed(2)} ms, added p99: ${(rows[2].p99 - rows[0].p99).toFixed(2)} ms`,
    );
  } finally {
    bare.child.kill();
    nest.child.kill();
    full.child.kill();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
