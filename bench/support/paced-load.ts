import { Agent, request } from 'node:http';
import { LoadResult, percentile } from './load';

export interface PacedLoadOptions {
  /** Concurrent clients, each sending its next request as soon as the previous response has ended. */
  users: number;
  seconds: number;
  /**
   * Client starts are spread evenly over this many ms. Autocannon opens every connection at once, so with
   * an upstream that answers in a fixed time all clients stay in lock-step forever and every request
   * arrives in a burst of `users`; spreading the starts gives the steady state of independent clients.
   */
  rampMs: number;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

const tenths = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Closed-loop load with staggered client starts; latency is measured to the last byte of the response
 * (as autocannon does), and to the first body byte. Only requests started after the ramp are counted.
 */
export async function pacedLoad(label: string, url: string, opts: PacedLoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.users });
  const target = new URL(url);
  const latencies: number[] = [];
  const firstBytes: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const measureFrom = Date.now() + opts.rampMs;
  const stopAt = measureFrom + opts.seconds * 1000;

  const once = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const counted = Date.now() >= measureFrom;
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: opts.method,
          headers: { ...opts.headers, 'content-length': Buffer.byteLength(opts.body) },
        },
        (res) => {
          let firstByte = NaN;
          res.on('data', () => {
            if (Number.isNaN(firstByte)) firstByte = performance.now() - started;
          });
          res.on('end', () => {
            if (counted) {
              if (res.statusCode! >= 200 && res.statusCode! < 300) {
                latencies.push(performance.now() - started);
                firstBytes.push(firstByte);
              } else non2xx++;
            }
            resolve();
          });
        },
      );
      req.on('error', () => {
        if (counted) errors++;
        resolve();
      });
      req.end(opts.body);
    });

  const user = async (i: number) => {
    await new Promise((r) => setTimeout(r, (opts.rampMs * i) / opts.users));
    while (Date.now() < stopAt) await once();
  };
  await Promise.all(Array.from({ length: opts.users }, (_, i) => user(i)));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  firstBytes.sort((a, b) => a - b);
  return {
    label,
    rps: Math.round(latencies.length / opts.seconds),
    p50: tenths(percentile(latencies, 50)),
    p99: tenths(percentile(latencies, 99)),
    firstByteP50: tenths(percentile(firstBytes, 50)),
    errors,
    non2xx,
  };
}
