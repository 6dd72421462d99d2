import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { loadConfig } from '../../src/config/app-config';
import { RedisClient, redisKey } from '../../src/shared/redis/redis.module';
import { RedisInvalidationBus } from '../../src/modules/tenancy/adapters/redis-invalidation-bus';
import { FaultProxy } from '../faults/support/fault-proxy';
import { until } from '../support/until';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The bus' subscriber reaches Redis through a fault proxy; the publisher reaches it directly. */
describe('Redis invalidation bus across a lost connection', () => {
  let proxy: FaultProxy;
  let publisher: Redis;
  let bus: RedisInvalidationBus;
  let channel: string;
  const received: string[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  /** Publishes `key` from another instance until the bus hands it to its handler. */
  const delivered = async (key: string) =>
    until(
      async () => {
        await publisher.publish(channel, `member\n${key}`);
        return received;
      },
      (keys) => keys.includes(key),
    );

  beforeAll(async () => {
    // The cuts are deliberate: keep their "Redis unavailable" lines out of the output.
    Logger.overrideLogger(false);
    process.on('unhandledRejection', onUnhandled);
    proxy = await FaultProxy.inFrontOf(REDIS_URL);
    const config = loadConfig(process.env, { REDIS_URL: proxy.url });
    publisher = new Redis(REDIS_URL);
    bus = new RedisInvalidationBus(publisher as RedisClient, config);
    channel = redisKey(config, 'auth', 'invalidate');
    bus.subscribe('member', (key) => received.push(key));
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    // Not twice: disconnecting an ended connection arms a timer on its closed socket.
    if (bus['subscriber']?.status !== 'end') bus.onApplicationShutdown();
    await Promise.all([publisher.quit(), proxy.close()]);
  });

  it('subscribes again after the connection is cut, so other instances still reach it', async () => {
    expect(await delivered('before-cut')).toContain('before-cut');
    proxy.cut();
    expect(await delivered('after-cut')).toContain('after-cut');
  });

  it('shutting down while its subscription is being renewed leaves no unhandled rejection', async () => {
    const subscriber = bus['subscriber']!;
    proxy.cut();
    // 'ready' is emitted a tick after the connection is ready, when SUBSCRIBE has been written but not yet
    // forwarded: the stalled proxy holds it, so it is still unanswered when the connection is closed.
    await new Promise<void>((resolve) =>
      subscriber.once('ready', () => {
        proxy.stall();
        bus.onApplicationShutdown();
        resolve();
      }),
    );
    await new Promise((r) => subscriber.once('end', r));
    await new Promise((r) => setTimeout(r, 50));
    proxy.pass();
    expect(unhandled).toEqual([]);
  });
});
