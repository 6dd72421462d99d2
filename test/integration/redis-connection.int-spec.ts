import { Logger } from '@nestjs/common';
import { createRedisConnection } from '../../src/shared/redis/redis.module';

const refedTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('a Redis connection closed while Redis is down', () => {
  it('holds the process no longer than a moment', async () => {
    // The refused connections are the point here: keep their "Redis unavailable" lines out of the output.
    Logger.overrideLogger(false);
    const redis = createRedisConnection({ redisUrl: 'redis://127.0.0.1:1' });
    await new Promise((r) => redis.once('reconnecting', r));
    redis.disconnect();
    const afterClose = refedTimers();
    await new Promise((r) => setTimeout(r, 300));
    // The timer ioredis arms to destroy the socket it is ending has run out: nothing of this connection is left.
    expect(refedTimers()).toBe(afterClose - 1);
  });
});
