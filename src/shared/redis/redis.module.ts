import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { logRedisErrors } from './redis-errors';

/**
 * The shared command connection, with auto-pipelining: commands issued in the same turn of the event loop
 * go out in one write and come back in one reply. The chat path's rate-limit checks, budget reservations,
 * settlements and usage appends go further: a PerTurnBatch makes the calls of a turn one command per step.
 * Blocking users (BullMQ workers, subscribers, stream readers) make their own via createRedisConnection.
 */
export abstract class RedisClient {}
export interface RedisClient extends Redis {}

export function createRedisConnection(
  config: Pick<AppConfig, 'redisUrl'>,
  extra: RedisOptions = {},
  source = 'redis',
): Redis {
  const redis = new Redis(config.redisUrl, {
    // Fail commands fast while Redis is down instead of queueing them forever; reconnect in the background.
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    lazyConnect: false,
    // disconnect() ends the socket and destroys it if it has not closed by then. A connection closed while
    // Redis is down has already lost its socket, which never closes again: with the 2 s default, each one
    // kept the process alive 2 s past shutdown.
    disconnectTimeout: 200,
    ...extra,
  });
  logRedisErrors(redis, source);
  return redis;
}

/** Prefix for every key we write ourselves, so runs and deployments sharing a Redis never collide. */
export const redisKey = (config: Pick<AppConfig, 'redisKeyPrefix'>, ...parts: string[]) =>
  `${config.redisKeyPrefix}:${parts.join(':')}`;

// Global: the process' one Redis connection, infrastructure like config and logging.
@Global()
@Module({
  providers: [
    {
      provide: RedisClient,
      inject: [AppConfig],
      // A frozen Redis answers nothing: without a command timeout every request would wait on it forever.
      useFactory: (config: AppConfig) =>
        createRedisConnection(config, {
          enableAutoPipelining: true,
          commandTimeout: config.redisCommandTimeoutMs,
        }),
    },
  ],
  exports: [RedisClient],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(RedisClient) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    // QUIT waits for Redis; when it is unreachable just drop the socket so shutdown never hangs.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}
