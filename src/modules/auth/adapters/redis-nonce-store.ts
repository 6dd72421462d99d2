import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { RedisClient, redisKey } from '../../../shared/redis/redis.module';
import { NonceStore } from '../domain/http-signature';

/** SET NX with expiry: the first instance to see a nonce wins, every other one sees the replay. */
@Injectable()
export class RedisNonceStore extends NonceStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    const set = await this.redis.set(
      redisKey(this.config, 'httpsig-nonce', key),
      '1',
      'EX',
      ttlSeconds,
      'NX',
    );
    return set === 'OK';
  }
}
