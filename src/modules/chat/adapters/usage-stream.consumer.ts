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

const CLAIM_IDLE_MS = 60_000;
const CLAIM_EVERY_MS = 15_000;

/**
 * Drains the usage stream in batches with a consumer group: read up to CHAT_USAGE_BATCH_SIZE entries,
 * store them in one insert, then XACK+XDEL. A failed batch stays pending and is retried by this consumer;
 * entries a dead worker left pending are claimed after a minute (XAUTOCLAIM).
 */
@Injectable()
export class UsageStreamConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UsageStreamConsumer.name);
  private readonly key: string;
  private readonly name = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  private redis?: Redis;
  private running = false;
  private loop?: Promise<void>;

  constructor(
    private readonly config: AppConfig,
    private readonly storeUsage: StoreUsageRecords,
    private readonly cls: ClsService,
  ) {
    this.key = usageStreamKey(config);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.redis = createRedisConnection(this.config, { maxRetriesPerRequest: null });
    await this.redis
      .xgroup('CREATE', this.key, USAGE_GROUP, '0', 'MKSTREAM')
      .catch((e: Error) => (e.message.includes('BUSYGROUP') ? undefined : Promise.reject(e)));
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.redis?.disconnect();
    await this.loop;
  }

  private async run(): Promise<void> {
    let ownPending = true;
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
          ownPending ? '0' : '>',
        )) as Array<[string, Entry[]]> | null;
        const entries = result?.[0]?.[1] ?? [];
        if (ownPending && !entries.length) ownPending = false;
        if (entries.length) await this.process(entries);
      } catch (error) {
        if (!this.running) return;
        this.logger.error({ err: error }, 'usage batch failed; will retry');
        ownPending = true;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  private async process(entries: Entry[]): Promise<void> {
    const records: UsageRecord[] = [];
    for (const [id, fields] of entries) {
      try {
        records.push(JSON.parse(fields[fields.indexOf('r') + 1]) as UsageRecord);
      } catch {
        this.logger.error({ entryId: id }, 'unreadable usage entry dropped');
      }
    }
    const store = (batch: UsageRecord[]) => this.cls.run(() => this.storeUsage.execute(batch));
    try {
      await store(records);
    } catch (error) {
      await this.isolatePoison(records, store, error);
    }
    const ids = entries.map(([id]) => id);
    await this.redis!.multi()
      .xack(this.key, USAGE_GROUP, ...ids)
      .xdel(this.key, ...ids)
      .exec();
  }

  /**
   * A failed batch is retried record by record. If all fail, the cause is likely transient (database down):
   * rethrow so the batch stays pending. If only some fail, those cannot be stored (e.g. their organization
   * was deleted): park them in a dead-letter stream so they never block the others.
   */
  private async isolatePoison(
    records: UsageRecord[],
    store: (batch: UsageRecord[]) => Promise<void>,
    batchError: unknown,
  ): Promise<void> {
    const failed: Array<{ record: UsageRecord; error: unknown }> = [];
    for (const record of records)
      await store([record]).catch((error: unknown) => failed.push({ record, error }));
    if (failed.length === records.length) throw batchError;
    for (const { record, error } of failed) {
      this.logger.error({ err: error, usageId: record.id }, 'usage record parked in the dead-letter stream');
      await this.redis!.xadd(`${this.key}:dead`, '*', 'r', JSON.stringify(record), 'error', String(error));
    }
  }
}
