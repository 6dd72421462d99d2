"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_path_1 = require("node:path");
const load_1 = require("./support/load");
async function main() {
    const seconds = Number(process.env.BENCH_SECONDS ?? 5);
    const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
    const bare = await (0, load_1.startServer)((0, node_path_1.join)(__dirname, 'support/bare-fastify-server.ts'));
    const nest = await (0, load_1.startServer)((0, node_path_1.join)(__dirname, 'support/bare-nest-server.ts'));
    const full = await (0, load_1.startServer)((0, node_path_1.join)(__dirname, 'support/full-app-server.ts'), [], {
        BENCH_LOG_LEVEL: 'info',
    });
    try {
        await (0, load_1.load)('warmup', `http://127.0.0.1:${bare.port}/health`, { seconds: 2, connections });
        await (0, load_1.load)('warmup', `http://127.0.0.1:${nest.port}/health`, { seconds: 2, connections });
        await (0, load_1.load)('warmup', `http://127.0.0.1:${full.port}/health`, { seconds: 2, connections });
        const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
        const bareRuns = [];
        const nestRuns = [];
        const fullRuns = [];
        for (let i = 0; i < rounds; i++) {
            bareRuns.push(await (0, load_1.load)('bare fastify GET /health', `http://127.0.0.1:${bare.port}/health`, {
                seconds,
                connections,
            }));
            nestRuns.push(await (0, load_1.load)('bare NestJS+Fastify GET /health', `http://127.0.0.1:${nest.port}/health`, {
                seconds,
                connections,
            }));
            fullRuns.push(await (0, load_1.load)('tollgate GET /health', `http://127.0.0.1:${full.port}/health`, { seconds, connections }));
        }
        const rows = [(0, load_1.median)(bareRuns), (0, load_1.median)(nestRuns), (0, load_1.median)(fullRuns)];
        (0, load_1.printTable)(rows);
        const ratio = rows[2].rps / rows[0].rps;
        console.log(`tollgate/bare throughput ratio: ${(ratio * 100).toFixed(1)}% (goal >= 70%)`);
        console.log(`added p50: ${(rows[2].p50 - rows[0].p50).toFixed(2)} ms, added p99: ${(rows[2].p99 - rows[0].p99).toFixed(2)} ms`);
    }
    finally {
        bare.child.kill();
        nest.child.kill();
        full.child.kill();
    }
}
main().catch((e) => {
    console.error(e);
    process.exit(1);
});
//# sourceMappingURL=http-baseline.js.map