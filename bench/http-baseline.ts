import { join } from 'node:path';
import { load, median, printTable, startServer } from './support/load';

/**
 * GET /health through Tollgate's full stack (CLS context, guard, metrics hooks, filters, validation pipe)
 * vs a bare Fastify server answering the same route, measured in the same run. Goal: >= 70% of bare.
 * Uses the databases in DATABASE_URL/REDIS_URL (defaults: local Postgres and Redis).
 */
async function main() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
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
    // Alternate the targets over several rounds and keep each one's median round, so background load on
    // the machine hits both sides alike.
    const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
    const bareRuns = [];
    const nestRuns = [];
    const fullRuns = [];
    for (let i = 0; i < rounds; i++) {
      bareRuns.push(
        await load('bare fastify GET /health', `http://127.0.0.1:${bare.port}/health`, {
          seconds,
          connections,
        }),
      );
      nestRuns.push(
        await load('bare NestJS+Fastify GET /health', `http://127.0.0.1:${nest.port}/health`, {
          seconds,
          connections,
        }),
      );
      fullRuns.push(
        await load('tollgate GET /health', `http://127.0.0.1:${full.port}/health`, { seconds, connections }),
      );
    }
    const rows = [median(bareRuns), median(nestRuns), median(fullRuns)];
    printTable(rows);
    const ratio = rows[2].rps / rows[0].rps;
    console.log(`tollgate/bare throughput ratio: ${(ratio * 100).toFixed(1)}% (goal >= 70%)`);
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
