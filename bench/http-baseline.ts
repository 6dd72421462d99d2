import { join } from 'node:path';
import { load, printTable, startServer } from './support/load';

/**
 * GET /health through Tollgate's full stack (CLS context, guard, metrics hooks, filters, validation pipe)
 * vs a bare Fastify server answering the same route, measured in the same run. Goal: >= 70% of bare.
 * Uses the databases in DATABASE_URL/REDIS_URL (defaults: local Postgres and Redis).
 */
async function main() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
  const bare = await startServer(join(__dirname, 'support/bare-fastify-server.ts'));
  const full = await startServer(join(__dirname, 'support/full-app-server.ts'), [], {
    BENCH_LOG_LEVEL: 'info',
  });
  try {
    // Warm up both (JIT, pools) before measuring.
    await load('warmup', `http://127.0.0.1:${bare.port}/health`, { seconds: 2, connections });
    await load('warmup', `http://127.0.0.1:${full.port}/health`, { seconds: 2, connections });
    const rows = [
      await load('bare fastify GET /health', `http://127.0.0.1:${bare.port}/health`, {
        seconds,
        connections,
      }),
      await load('tollgate GET /health', `http://127.0.0.1:${full.port}/health`, { seconds, connections }),
    ];
    printTable(rows);
    const ratio = rows[1].rps / rows[0].rps;
    console.log(`tollgate/bare throughput ratio: ${(ratio * 100).toFixed(1)}% (goal >= 70%)`);
    console.log(
      `added p50: ${(rows[1].p50 - rows[0].p50).toFixed(2)} ms, added p99: ${(rows[1].p99 - rows[0].p99).toFixed(2)} ms`,
    );
  } finally {
    bare.child.kill();
    full.child.kill();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
