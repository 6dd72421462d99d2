import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { RedisClient, redisKey } from '../../../shared/redis/redis.module';
import { BatchArgs, BatchKeys, defineBatchScript, PerTurnBatch } from '../../../shared/redis/per-turn-batch';
import { CounterAdjustment, UsageBuffer, UsageRecord } from '../domain/usage-record';
import { COUNTERS_LUA, rateCounterKey } from './redis-rate-limiter';

export const usageStreamKey = (config: AppConfig) => redisKey(config, 'usage', 'records');
export const USAGE_GROUP = 'usage-writers';

/**
 * Appends a batch of records, with each one's counter adjustments (the call's TPM correction; summed per
 * counter and written once, see COUNTERS_LUA). KEYS: the usage stream, then the batch's counters, each once
 * (BatchKeys). ARGV: per record, its JSON, its number of counters n, then n pairs of a counter's position in
 * KEYS and its amount.
 */
const APPEND_BATCH = `${COUNTERS_LUA}
local a = 1
while a <= #ARGV do
  local n = tonumber(ARGV[a + 1])
  for i = 1, n do bump(KEYS[tonumber(ARGV[a + 2 * i])], ARGV[a + 2 * i + 1]) end
  redis.call('XADD', KEYS[1], '*', 'r', ARGV[a])
  a = a + 2 + 2 * n
end
writeCounters()
return 0
`;

type BufferRedis = RedisClient & {
  tgUsageAppendBatch(...args: BatchArgs): Promise<number>;
};

interface Append {
  record: UsageRecord;
  counters: CounterAdjustment[];
}

/**
 * A Redis stream, not a BullMQ job per record: the worker reads hundreds per XREADGROUP so it can insert
 * them in one statement, and entries stay in the stream until a worker has stored them (XACK), so a crash
 * of either side loses nothing. On the request path, the records of one event-loop turn go out in one
 * script call (PerTurnBatch) that also adds each call's counter adjustments; a record's append resolves
 * only once Redis has it, so it is as durable as one XADD of its own.
 */
@Injectable()
export class RedisUsageBuffer extends UsageBuffer {
  private readonly key: string;
  private readonly redis: BufferRedis;
  private readonly appends: PerTurnBatch<Append, void>;

  constructor(
    redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    super();
    defineBatchScript(redis, 'tgUsageAppendBatch', APPEND_BATCH);
    this.redis = redis as BufferRedis;
    this.key = usageStreamKey(config);
    this.appends = new PerTurnBatch((batch) => this.appendBatch(batch), { connection: redis });
  }

  append(record: UsageRecord, counters: CounterAdjustment[] = []): Promise<void> {
    return this.appends.call({ record, counters });
  }

  private async appendBatch(batch: Append[]): Promise<void[]> {
    const keys = new BatchKeys();
    keys.at(this.key);
    const args: Array<string | number> = [];
    for (const { record, counters } of batch) {
      args.push(JSON.stringify(record), 0);
      const countAt = args.length - 1;
      for (const c of counters) {
        if (c.amount === 0) continue;
        args.push(keys.at(rateCounterKey(this.config, c.key)), Math.round(c.amount));
        (args[countAt] as number)++;
      }
    }
    await this.redis.tgUsageAppendBatch(keys.list.length, keys.list, args);
    return new Array<void>(batch.length);
  }
}
