import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { RateLimitedError } from '../../../shared/domain/domain-error';
import { RedisClient, redisKey } from '../../../shared/redis/redis.module';
import { RateLimiter } from '../domain/auth.ports';

/** Fixed windows in Redis: INCR, the window's expiry set by the first hit, and its rest for Retry-After. */
@Injectable()
export class RedisRateLimiter extends RateLimiter {
  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async hit(bucket: string, limit: number, windowSeconds: number, code?: string): Promise<boolean> {
    const key = redisKey(this.config, 'rl', bucket);
    const replies = await this.redis.multi().incr(key).expire(key, windowSeconds, 'NX').pttl(key).exec();
    const count = Number(replies?.[0]?.[1] ?? 0);
    if (count <= limit) return true;
    if (!code) return false;
    const ttl = Number(replies?.[2]?.[1] ?? windowSeconds * 1000);
    throw new RateLimitedError(
      'Too many requests; try again later',
      Math.max(1, Math.ceil(ttl / 1000)),
      code,
    );
  }
}
