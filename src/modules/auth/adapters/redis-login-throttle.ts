import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig } from '../../../config/app-config';
import { RateLimitedError } from '../../../shared/domain/domain-error';
import { RedisClient, redisKey } from '../../../shared/redis/redis.module';
import { LoginThrottle } from '../domain/auth.ports';

/**
 * Fixed-window failure counters in Redis (shared by all instances): per account and client IP, per account,
 * per client IP. The low per-account-and-IP limit is what stops a guesser, and what it locks is only the
 * guesser's own address: the owner signing in from elsewhere is not affected until the much higher
 * per-account ceiling, which needs many addresses to reach. Emails are hashed so Redis holds no addresses.
 */
@Injectable()
export class RedisLoginThrottle extends LoginThrottle {
  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    super();
  }

  private keys(email: string, ip: string): [string, string, string] {
    const account = createHash('sha256').update(email).digest('hex').slice(0, 32);
    return [
      redisKey(this.config, 'auth', 'login-fail', 'acct-ip', account, ip),
      redisKey(this.config, 'auth', 'login-fail', 'acct', account),
      redisKey(this.config, 'auth', 'login-fail', 'ip', ip),
    ];
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    const { loginMaxFailuresPerAccountIp, loginMaxFailuresPerAccount, loginMaxFailuresPerIp } =
      this.config.auth;
    const limits = [loginMaxFailuresPerAccountIp, loginMaxFailuresPerAccount, loginMaxFailuresPerIp];
    const counts = await this.redis.mget(...keys);
    const blocked = keys.find((_, i) => Number(counts[i] ?? 0) >= limits[i]);
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

  async reset(email: string, ip: string): Promise<void> {
    const [accountIp, account] = this.keys(email, ip);
    await this.redis.del(accountIp, account);
  }
}
