import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../../config/app-config';
import { createRedisConnection } from '../../../shared/redis/redis.module';

/**
 * The chat hot path's own Redis connection, with auto-pipelining: the limit checks, reservations and usage
 * appends of concurrent requests issued in the same tick go out in one write instead of one syscall each.
 */
export abstract class ChatRedis {}
export interface ChatRedis extends Redis {}

export const chatRedisProvider = {
  provide: ChatRedis,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => createRedisConnection(config, { enableAutoPipelining: true }),
};

@Injectable()
export class ChatRedisShutdown implements OnApplicationShutdown {
  constructor(private readonly redis: ChatRedis) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}
