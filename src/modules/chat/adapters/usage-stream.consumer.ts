import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { AppConfig } from '../../../config/app-config';
import { createRedisConnection } from '../../../shared/redis/redis.module';
import { UsageRecord } from '../domain/usage-record';
import { StoreUsageRecords } from '../application/store-usage-records.use-case';
import { USAGE_GROUP, usageStreamKey } from './redis-usage-buffer';

type Entry = [id: string, fields: string[]];
interface Item {
  entryId: string;
  record: UsageRecord;
}

const CLAIM_IDLE_MS = 30_000;
const CLAIM_EVERY_MS = 10_000;
const MAX_ATTEMPTS = 5;

/**
 * Drains the usage stream in batches with a consumer group: read up to CHAT_USAGE_BATCH_SIZE entries,
 * store them in one insert, then XACK+XDEL. Entries of a failed batch, or left by a dead worker, stay
 * pending and are claimed again (XAUTOCLAIM) once idle for 30 s, so new usage keeps flowing meanwhile.
 */
@Injectable()
export class UsageStreamConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UsageStreamConsumer.name);
  private readonly key: string;
  private readonly name = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  private redis?: Redis;
  private running = false;
  /** Failed attempts per stream entry (this process), to give up on entries that never store. */
  private readonly failures = new Map<string, number>();
  private loop?: Promise<void>;

  constructor(
    private readonly config: AppConfig,
    private readonly storeUsage: StoreUsageRecords,
    private readonly cls: ClsService,
  ) {
    this.key = usageStreamKey(config);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.redis = createRedisConnection(this.config, { maxRetriesPerRequest: null }, 'usage-stream');
    await this.ensureGroup();
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.redis?.disconnect();
    await this.loop;
  }

  private async ensureGroup(): Promise<void> {
    await this.redis!.xgroup('CREATE', this.key, USAGE_GROUP, '0', 'MKSTREAM').catch((e: Error) =>
      e.message.includes('BUSYGROUP') ? undefined : Promise.reject(e),
    );
  }

  private async run(): Promise<void> {
    let lastClaim = 0;
    const batch = this.config.chat.usageBatchSize;
    while (this.running) {
      try {
        if (Date.now() - lastClaim > CLAIM_EVERY_MS) {
          lastClaim = Date.now();
          const claimed = (await this.redis!.xautoclaim(
            this.key,
            USAGE_GROUP,
            this.name,
            CLAIM_IDLE_MS,
            '0-0',
            'COUNT',
            batch,
          )) as [string, Entry[]];
          if (claimed[1].length) await this.process(claimed[1]);
        }
        const result = (await this.redis!.xreadgroup(
          'GROUP',
          USAGE_GROUP,
          this.name,
          'COUNT',
          batch,
          'BLOCK',
          1000,
          'STREAMS',
          this.key,
          '>',
        )) as Array<[string, Entry[]]> | null;
        const entries = result?.[0]?.[1] ?? [];
        if (entries.length) await this.process(entries);
      } catch (error) {
        if (!this.running) return;
        // The stream (and its group) was deleted, e.g. Redis flushed: start again from an empty stream.
        if (String(error).includes('NOGROUP')) await this.ensureGroup().catch(() => undefined);
        else this.logger.error({ err: error }, 'usage batch failed; its entries are retried after a while');
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  private async process(entries: Entry[]): Promise<void> {
    const items: Item[] = [];
    for (const [entryId, fields] of entries) {
      try {
        items.push({ entryId, record: JSON.parse(fields[fields.indexOf('r') + 1]) as UsageRecord });
      } catch {
        this.logger.error({ entryId }, 'unreadable usage entry dropped');
      }
    }
    const store = (batch: UsageRecord[]) => this.cls.run(() => this.storeUsage.execute(batch));
    try {
      await store(items.map((i) => i.record));
    } catch (error) {
      await this.isolatePoison(items, store, error);
    }
    const ids = entries.map(([id]) => id);
    for (const id of ids) this.failures.delete(id);
    await this.redis!.multi()
      .xack(this.key, USAGE_GROUP, ...ids)
      .xdel(this.key, ...ids)
      .exec();
  }

  /**
   * A failed batch is retried record by record. When every record fails the cause is likely transient
   * (database down): rethrow, so the entries stay pending and are claimed again later — until an entry has
   * failed MAX_ATTEMPTS times. Records that fail alone (e.g. their organization was deleted) go to a
   * dead-letter stream so they never block the others.
   */
  private async isolatePoison(
    items: Item[],
    store: (batch: UsageRecord[]) => Promise<void>,
    batchError: unknown,
  ): Promise<void> {
    const failed: Array<Item & { error: unknown }> = [];
    for (const item of items)
      await store([item.record]).catch((error: unknown) => failed.push({ ...item, error }));
    if (failed.length === items.length) {
      if (this.failures.size > 10_000) this.failures.clear();
      const attempts = failed.map((f) => {
        const n = (this.failures.get(f.entryId) ?? 0) + 1;
        this.failures.set(f.entryId, n);
        return n;
      });
      if (attempts.some((n) => n < MAX_ATTEMPTS)) throw batchError;
    }
    for (const { record, error } of failed) {
      this.logger.error({ err: error, usageId: record.id }, 'usage record parked in the dead-letter stream');
      await this.redis!.xadd(`${this.key}:dead`, '*', 'r', JSON.stringify(record), 'error', String(error));
    }
  }
}
