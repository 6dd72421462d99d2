import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig } from '../../../config/app-config';
import { RateLimitedError } from '../../../shared/domain/domain-error';
import { RedisClient, redisKey } from '../../../shared/redis/redis.module';
import { LoginThrottle } from '../domain/auth.ports';

/**
 * Fixed-window failure counters in Redis (shared by all instances): one per account, one per client IP.
 * Emails are hashed in key names so Redis holds no addresses.
 */
@Injectable()
export class RedisLoginThrottle extends LoginThrottle {
  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    super();
  }

  private keys(email: string, ip: string): [string, string] {
    const account = createHash('sha256').update(email).digest('hex').slice(0, 32);
    return [
      redisKey(this.config, 'auth', 'login-fail', 'acct', account),
      redisKey(this.config, 'auth', 'login-fail', 'ip', ip),
    ];
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [account, client] = this.keys(email, ip);
    const { loginMaxFailuresPerAccount, loginMaxFailuresPerIp } = this.config.auth;
    const [a, i] = await this.redis.mget(account, client);
    const blocked =
      Number(a ?? 0) >= loginMaxFailuresPerAccount
        ? account
        : Number(i ?? 0) >= loginMaxFailuresPerIp
          ? client
          : null;
    if (!blocked) return;
    const ttl = await this.redis.pttl(blocked);
    throw new RateLimitedError(
      'Too many failed sign-in attempts; try again later',
      Math.max(1, Math.ceil(ttl / 1000)),
      'too_many_login_attempts',
    );
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const window = this.config.auth.loginWindowSeconds;
    const multi = this.redis.multi();
    for (const key of this.keys(email, ip)) multi.incr(key).expire(key, window, 'NX');
    await multi.exec();
  }

  async reset(email: string): Promise<void> {
    await this.redis.del(this.keys(email, '-')[0]);
  }
}
