import { Injectable, OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';
import { AppConfig } from '../../../config/app-config';

/** argon2id. Unknown accounts are verified against a dummy hash so both failures take about as long. */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash = '';

  constructor(private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hash('dummy-password-for-timing');
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, {
      type: argon2.argon2id,
      memoryCost: this.config.auth.argon2MemoryKib,
      timeCost: 2,
      parallelism: 1,
    });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    try {
      const ok = await argon2.verify(hash ?? this.dummyHash, password);
      return ok && hash !== null;
    } catch {
      return false;
    }
  }
}
