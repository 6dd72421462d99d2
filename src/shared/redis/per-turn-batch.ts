import type Redis from 'ioredis';

interface Waiting<I, R> {
  item: I;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/** Something whose writes can be held back and sent as one (a Node socket). */
interface Corkable {
  cork(): void;
  uncork(): void;
}

interface DueBatch {
  socket(): Corkable | undefined;
  flush(): void;
}

/** Batches with calls waiting in this turn, all sent by one setImmediate. */
const due = new Set<DueBatch>();

/**
 * Sends every batch of the turn. Batches on the same connection leave in one write: its socket is corked
 * while they are sent (ioredis writes a command synchronously when connected), so Redis reads them at once.
 */
function flushDue(): void {
  const batches = [...due];
  due.clear();
  const sockets = new Set<Corkable>();
  for (const batch of batches) {
    const socket = batch.socket();
    if (socket && !sockets.has(socket)) {
      sockets.add(socket);
      socket.cork();
    }
  }
  try {
    for (const batch of batches) batch.flush();
  } finally {
    for (const socket of sockets) socket.uncork();
  }
}

/**
 * Collects the calls made during one turn of the event loop and runs them as one batch right after the
 * turn's I/O callbacks (setImmediate): under load, the requests of a turn share one Redis command instead
 * of one each, which is what most of a command's cost is (ioredis builds a Command, a promise and a
 * timeout timer per command; Redis parses, dispatches and starts a script per command). Alone, a call
 * waits for the end of its turn only. The batches of one turn that share `connection` go out in one write.
 *
 * `run` gets the items in call order and must return one result per item, in the same order; if it fails,
 * every call of the batch fails with its error, as each would have alone. A batch holds at most `maxItems`
 * (a script runs on Redis's only thread: a long one delays every other client); calls beyond that start
 * the next batch at once.
 */
export class PerTurnBatch<I, R> implements DueBatch {
  private waiting: Array<Waiting<I, R>> = [];

  constructor(
    private readonly run: (items: I[]) => Promise<R[]>,
    private readonly options: { connection?: Redis; maxItems?: number } = {},
  ) {}

  call(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (!this.waiting.length) {
        if (!due.size) setImmediate(flushDue);
        due.add(this);
      }
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length >= (this.options.maxItems ?? 256)) this.flush();
    });
  }

  /** The socket of the batch's connection, if it has one now. */
  socket(): Corkable | undefined {
    return this.options.connection?.stream as Corkable | undefined;
  }

  /** Runs the calls waiting now as one batch. */
  flush(): void {
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
 * A batch script's KEYS, each distinct key once: the calls of a batch mostly share their tenant's counters,
 * and a key repeated per call was most of the bytes a batch sent (and Redis parsed). A call's arguments
 * refer to a key by its position in KEYS (`at`, 1-based, as Lua indexes).
 */
export class BatchKeys {
  readonly list: string[] = [];
  private readonly positions = new Map<string, number>();

  at(key: string): number {
    let position = this.positions.get(key);
    if (position === undefined) {
      position = this.list.push(key);
      this.positions.set(key, position);
    }
    return position;
  }
}

/**
 * A batch script's arguments: its number of keys, the keys, the other arguments. ioredis flattens the lists
 * into the command itself, so a batch's arguments are not copied into one list first.
 */
export type BatchArgs = [numKeys: number, keys: string[], args: Array<string | number>];

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
