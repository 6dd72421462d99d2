import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { RedisClient, redisKey } from '../../../shared/redis/redis.module';
import { CounterAdjustment, UsageBuffer, UsageRecord } from '../domain/usage-record';
import { addToCountersLua, rateCounterKey } from './redis-rate-limiter';

export const usageStreamKey = (config: AppConfig) => redisKey(config, 'usage', 'records');
export const USAGE_GROUP = 'usage-writers';

/** KEYS: the usage stream, then rate counters; ARGV: the record's JSON, then one amount per counter. */
const APPEND_COUNTED = `${addToCountersLua(2, 2)}return redis.call('XADD', KEYS[1], '*', 'r', ARGV[1])`;

type BufferRedis = RedisClient & {
  tgUsageAppendCounted(...args: (string | number)[]): Promise<string>;
};

/**
 * A Redis stream, not a BullMQ job per record: one XADD (cheaper than a job's script) on the request path,
 * and the worker reads hundreds per XREADGROUP so it can insert them in one statement. Entries stay in
 * the stream until a worker has stored them (XACK), so a crash of either side loses nothing. With counter
 * adjustments, the XADD runs in a script that adds them first: one command, one reply, instead of two.
 */
@Injectable()
export class RedisUsageBuffer extends UsageBuffer {
  private readonly key: string;
  private readonly redis: BufferRedis;

  constructor(
    redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    super();
    redis.defineCommand('tgUsageAppendCounted', { lua: APPEND_COUNTED });
    this.redis = redis as BufferRedis;
    this.key = usageStreamKey(config);
  }

  async append(record: UsageRecord, counters: CounterAdjustment[] = []): Promise<void> {
    const live = counters.filter((c) => c.amount !== 0);
    if (!live.length) {
      await this.redis.xadd(this.key, '*', 'r', JSON.stringify(record));
      return;
    }
    await this.redis.tgUsageAppendCounted(
      1 + live.length,
      this.key,
      ...live.map((c) => rateCounterKey(this.config, c.key)),
      JSON.stringify(record),
      ...live.map((c) => Math.round(c.amount)),
    );
  }
}
