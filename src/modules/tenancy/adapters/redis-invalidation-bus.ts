import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../../../config/app-config';
import { createRedisConnection, RedisClient, redisKey } from '../../../shared/redis/redis.module';
import { InvalidationBus } from '../../../shared/contracts/invalidation-bus';

/**
 * Redis pub/sub on one channel. Handlers run locally at once on publish (this instance never waits for
 * the round trip) and on every other instance when the message arrives.
 */
@Injectable()
export class RedisInvalidationBus extends InvalidationBus implements OnApplicationShutdown {
  private readonly logger = new Logger('InvalidationBus');
  private readonly handlers = new Map<string, Array<(key: string) => void>>();
  private readonly channel: string;
  private subscriber?: Redis;

  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    super();
    this.channel = redisKey(config, 'auth', 'invalidate');
  }

  subscribe(topic: string, onKey: (key: string) => void): void {
    this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), onKey]);
    if (this.subscriber) return;
    // Subscribed on every 'ready' (the first connection and each reconnection) by this code, not by ioredis'
    // autoResubscribe: ioredis renews the subscription with a SUBSCRIBE whose promise nobody can catch, so a
    // connection closed before Redis answers it (shutdown right after Redis came back, or Redis dropping
    // again) rejected it unhandled ("Connection is closed.").
    const subscriber = createRedisConnection(
      this.config,
      { maxRetriesPerRequest: null, autoResubscribe: false },
      'invalidation-bus',
    );
    subscriber.on('ready', () => {
      subscriber.subscribe(this.channel).catch((err: Error) => this.logger.warn(err.message));
    });
    subscriber.on('message', (_channel: string, message: string) => this.dispatch(message));
    this.subscriber = subscriber;
  }

  async publish(topic: string, key: string): Promise<void> {
    const message = `${topic}\n${key}`;
    this.dispatch(message);
    // The change is already committed: if Redis is down, other instances fall back to their cache TTL.
    await this.redis.publish(this.channel, message).catch((err: Error) => {
      this.logger.warn(`could not broadcast ${topic} invalidation: ${err.message}`);
    });
  }

  private dispatch(message: string): void {
    const cut = message.indexOf('\n');
    const topic = message.slice(0, cut);
    const key = message.slice(cut + 1);
    for (const handler of this.handlers.get(topic) ?? []) handler(key);
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }
}
