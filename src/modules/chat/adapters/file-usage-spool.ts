import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Gauge, register } from 'prom-client';
import { AppConfig } from '../../../config/app-config';
import { UsageRecord, UsageSpool } from '../domain/usage-record';

export const USAGE_SPOOL_DEPTH = 'chat_usage_spool_depth';
const ACTIVE = 'usage.ndjson';
const DEAD = 'usage.dead.ndjson';
const DRAINING_RE = /^usage\.(\d+)\.\d+\.draining$/;
const BATCH = 500;

const countLines = (text: string) => text.split('\n').filter((l) => l.trim()).length;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * The usage spool as newline-delimited JSON in CHAT_USAGE_SPOOL_DIR. An append is written and fsynced
 * before it resolves (the record survives a crash of the process or the machine). A drain first renames
 * the file (atomic: appends go on into a fresh file, and another process sharing the directory never
 * drains the same records), so a crash mid-drain leaves a `.draining` file the next drain picks up;
 * stores are idempotent on the record id, so records stored twice that way count once.
 */
@Injectable()
export class FileUsageSpool extends UsageSpool implements OnApplicationShutdown {
  private readonly logger = new Logger(FileUsageSpool.name);
  private readonly dir: string;
  private count = 0;
  private draining?: Promise<number>;

  constructor(config: AppConfig) {
    super();
    this.dir = config.chat.usageSpoolDir;
    try {
      mkdirSync(this.dir, { recursive: true });
      for (const name of readdirSync(this.dir))
        if (name === ACTIVE || DRAINING_RE.test(name))
          this.count += countLines(readFileSync(join(this.dir, name), 'utf8'));
    } catch (err) {
      // Serving goes on without a spool: records then fall back to the log line (see ChatMetering).
      this.logger.error({ err, dir: this.dir }, 'the usage spool directory cannot be used');
    }
    if (!register.getSingleMetric(USAGE_SPOOL_DEPTH))
      new Gauge({
        name: USAGE_SPOOL_DEPTH,
        help: 'Chat usage records waiting in the local spool for a store to come back',
        collect() {
          this.set([...FileUsageSpool.instances].reduce((sum, s) => sum + s.depth(), 0));
        },
      });
    FileUsageSpool.instances.add(this);
  }

  /** Every spool of this process (tests run several apps in one process); the gauge sums them. */
  private static readonly instances = new Set<FileUsageSpool>();

  depth(): number {
    return this.count;
  }

  onApplicationShutdown(): void {
    FileUsageSpool.instances.delete(this);
  }

  async append(record: UsageRecord): Promise<void> {
    await this.write(ACTIVE, [record]);
    this.count++;
  }

  drain(
    store: (records: UsageRecord[]) => Promise<void>,
    isPoison: (error: unknown) => boolean,
  ): Promise<number> {
    // One drain at a time per process; a timer tick during a long drain joins it.
    this.draining ??= this.drainFiles(store, isPoison).finally(() => (this.draining = undefined));
    return this.draining;
  }

  private async write(name: string, records: UsageRecord[]): Promise<void> {
    const file = await open(join(this.dir, name), 'a');
    try {
      await file.appendFile(records.map((r) => JSON.stringify(r) + '\n').join(''));
      await file.sync();
    } finally {
      await file.close();
    }
  }

  private async drainFiles(
    store: (records: UsageRecord[]) => Promise<void>,
    isPoison: (error: unknown) => boolean,
  ): Promise<number> {
    if (!existsSync(this.dir)) return 0;
    const names = readdirSync(this.dir).filter((n) => {
      const m = DRAINING_RE.exec(n);
      return m && (Number(m[1]) === process.pid || !alive(Number(m[1])));
    });
    const mine = `usage.${process.pid}.${Date.now()}.draining`;
    try {
      await rename(join(this.dir, ACTIVE), join(this.dir, mine));
      names.push(mine);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    let stored = 0;
    for (const name of names) stored += await this.drainFile(name, store, isPoison);
    return stored;
  }

  private async drainFile(
    name: string,
    store: (records: UsageRecord[]) => Promise<void>,
    isPoison: (error: unknown) => boolean,
  ): Promise<number> {
    const path = join(this.dir, name);
    const lines = (await readFile(path, 'utf8')).split('\n').filter((l) => l.trim());
    const records: UsageRecord[] = [];
    for (const line of lines) {
      try {
        records.push(JSON.parse(line) as UsageRecord);
      } catch {
        // A line cut short by a crash mid-append: its append never resolved, so no caller relied on it.
        this.count--;
        this.logger.error({ line }, 'unreadable spooled usage line dropped');
      }
    }
    let stored = 0;
    let i = 0;
    try {
      for (; i < records.length; i += BATCH) {
        const batch = records.slice(i, i + BATCH);
        stored += await this.storeBatch(batch, store, isPoison);
        this.count -= batch.length;
      }
    } catch (err) {
      // The store is down again: what is left goes back to the spool for the next drain.
      await this.write(ACTIVE, records.slice(i));
      this.logger.warn({ err, left: records.length - i }, 'usage spool replay interrupted');
    }
    await unlink(path);
    return stored;
  }

  /** Stores a batch; when it fails, record by record, parking records that fail for their own reasons. */
  private async storeBatch(
    batch: UsageRecord[],
    store: (records: UsageRecord[]) => Promise<void>,
    isPoison: (error: unknown) => boolean,
  ): Promise<number> {
    try {
      await store(batch);
      return batch.length;
    } catch (batchError) {
      if (!isPoison(batchError)) throw batchError;
    }
    let stored = 0;
    for (const record of batch) {
      try {
        await store([record]);
        stored++;
      } catch (err) {
        if (!isPoison(err)) throw err;
        this.logger.error({ err, usageId: record.id }, 'spooled usage record parked in the dead-letter file');
        await this.write(DEAD, [record]);
      }
    }
    return stored;
  }
}
