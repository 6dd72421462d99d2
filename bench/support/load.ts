import autocannon from 'autocannon';
import { fork, ChildProcess } from 'node:child_process';

export interface LoadResult {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Median time to the first body byte, in ms (paced load only). */
  firstByteP50?: number;
}

/** Runs autocannon against a URL and returns the figures we report. */
export async function load(
  label: string,
  url: string,
  opts: { connections?: number; seconds?: number; headers?: Record<string, string> } = {},
): Promise<LoadResult> {
  const result = await autocannon({
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

export function printTable(rows: LoadResult[]): void {
  console.table(
    rows.map((r) => ({
      target: r.label,
      'req/s': r.rps,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      errors: r.errors,
      non2xx: r.non2xx,
    })),
  );
}

/**
 * Node options for a bench child process. `npm run bench:*` compiles the benches and runs the JavaScript,
 * as production runs it; a .ts file (ts-node, while developing a bench) needs ts-node's hook. ts-node also
 * loads Node's `domain` module (through its REPL), which wraps every event emit and callback, so figures
 * from .ts runs are not the production figures.
 */
export const nodeArgsFor = (file: string): string[] =>
  file.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only'] : [];

/**
 * Starts a server module in a child process (so the load generator does not share its event loop) and
 * resolves with the port it reports.
 */
export function startServer(
  modulePath: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ port: number; child: ChildProcess }> {
  const file = require.resolve(modulePath);
  const child = fork(file, args, {
    execArgv: nodeArgsFor(file),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ port: m.port, child }));
    child.once('exit', (code) => reject(new Error(`${modulePath} exited with ${code}`)));
  });
}

/** The p-th percentile (0-100) of figures sorted ascending; NaN when there are none. */
export const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

/** The median of some figures (the upper one of the middle two for an even count). */
export const medianOf = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/** The run with the median throughput. */
export function median(runs: LoadResult[]): LoadResult {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A JSON request that throws, with the answer, on any non-2xx status. */
export async function json(url: string, init: RequestInit = {}): Promise<any> {
  const res = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** Runs fn `runs` times in a row; the median and the slowest in milliseconds. */
export async function timed(runs: number, fn: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { p50: +ms[Math.floor(runs / 2)].toFixed(1), max: +ms[runs - 1].toFixed(1) };
}
