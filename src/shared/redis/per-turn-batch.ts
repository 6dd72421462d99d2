import type Redis from 'ioredis';

interface Waiting<I, R> {
  item: I;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Collects the calls made during one turn of the event loop and runs them as one batch right after the
 * turn's I/O callbacks (setImmediate): under load, the requests of a turn share one Redis command instead
 * of one each, which is what most of a command's cost is (ioredis builds a Command, a promise and a
 * timeout timer per command; Redis parses, dispatches and starts a script per command). Alone, a call
 * waits for the end of its turn only.
 *
 * `run` gets the items in call order and must return one result per item, in the same order; if it fails,
 * every call of the batch fails with its error, as each would have alone. A batch holds at most `maxItems`
 * (a script runs on Redis's only thread: a long one delays every other client); calls beyond that start
 * the next batch at once.
 */
export class PerTurnBatch<I, R> {
  private waiting: Array<Waiting<I, R>> = [];

  constructor(
    private readonly run: (items: I[]) => Promise<R[]>,
    private readonly maxItems = 256,
  ) {}

  call(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (!this.waiting.length) setImmediate(() => this.flush());
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length >= this.maxItems) this.flush();
    });
  }

  private flush(): void {
    const batch = this.waiting;
    if (!batch.length) return;
    this.waiting = [];
    let running: Promise<R[]>;
    try {
      running = this.run(batch.map((w) => w.item));
    } catch (error) {
      running = Promise.reject(error);
    }
    running.then(
      (results) => {
        for (let i = 0; i < batch.length; i++) batch[i].resolve(results[i]);
      },
      (error: unknown) => {
        for (const w of batch) w.reject(error);
      },
    );
  }
}

/**
 * Defines a Lua script command that a PerTurnBatch sends, and takes it out of ioredis's auto-pipelining:
 * the batch is already the pipeline of its turn, and auto-pipelining would hold it one more turn of the
 * event loop (its own setImmediate, scheduled from ours) before writing it.
 */
export function defineBatchScript(redis: Redis, name: string, lua: string): void {
  redis.defineCommand(name, { lua });
  // A new list: the one there may be ioredis's default, shared by every client.
  const ignored = redis.options.autoPipeliningIgnoredCommands ?? [];
  if (!ignored.includes(name)) redis.options.autoPipeliningIgnoredCommands = [...ignored, name];
}
