import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { RedisClient, redisKey } from '../../../shared/redis/redis.module';
import { UsageBuffer, UsageRecord } from '../domain/usage-record';

export const usageStreamKey = (config: AppConfig) => redisKey(config, 'usage', 'records');
export const USAGE_GROUP = 'usage-writers';

/**
 * A Redis stream, not a BullMQ job per record: one XADD (cheaper than a job's script) on the request path,
 * and the worker reads hundreds per XREADGROUP so it can insert them in one statement. Entries stay in
 * the stream until a worker has stored them (XACK), so a crash of either side loses nothing.
 */
@Injectable()
export class RedisUsageBuffer extends UsageBuffer {
  private readonly key: string;

  constructor(
    private readonly redis: RedisClient,
    config: AppConfig,
  ) {
    super();
    this.key = usageStreamKey(config);
  }

  async append(record: UsageRecord): Promise<void> {
    await this.redis.xadd(this.key, '*', 'r', JSON.stringify(record));
  }
}
