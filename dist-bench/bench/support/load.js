"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.load = load;
exports.printTable = printTable;
exports.startServer = startServer;
exports.median = median;
const autocannon_1 = __importDefault(require("autocannon"));
const node_child_process_1 = require("node:child_process");
async function load(label, url, opts = {}) {
    const result = await (0, autocannon_1.default)({
        url,
        connections: opts.connections ?? 50,
        duration: opts.seconds ?? 10,
        headers: opts.headers,
    });
    return {
        label,
        rps: Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors,
        non2xx: result.non2xx,
    };
}
function printTable(rows) {
    console.table(rows.map((r) => ({
        target: r.label,
        'req/s': r.rps,
        'p50 ms': r.p50,
        'p99 ms': r.p99,
        errors: r.errors,
        non2xx: r.non2xx,
    })));
}
function startServer(modulePath, args = [], env = {}) {
    const child = (0, node_child_process_1.fork)(modulePath, args, {
        execArgv: ['-r', 'ts-node/register/transpile-only'],
        env: { ...process.env, ...env },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
        child.once('message', (m) => resolve({ port: m.port, child }));
        child.once('exit', (code) => reject(new Error(`${modulePath} exited with ${code}`)));
    });
}
function median(runs) {
    const sorted = [...runs].sort((a, b) => a.rps - b.rps);
    return sorted[Math.floor(sorted.length / 2)];
}
//# sourceMappingURL=load.js.map