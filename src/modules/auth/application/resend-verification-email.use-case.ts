import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { ConflictError, NotFoundError } from '../../../shared/domain/domain-error';
import { RateLimiter, UserRepository } from '../domain/auth.ports';
import { EmailVerifications } from './email-verifications';

/** A new verification mail for the signed-in user; earlier links keep working until one is used. */
@Injectable()
export class ResendVerificationEmail {
  constructor(
    private readonly users: UserRepository,
    private readonly verifications: EmailVerifications,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  async execute(userId: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user) throw new NotFoundError('User', userId);
    if (user.emailVerifiedAt)
      throw new ConflictError('email_already_verified', 'The address is already verified');
    const { verificationResendMax, verificationResendWindowSeconds } = this.config.auth;
    await this.limiter.hit(
      `verify-resend:${userId}`,
      verificationResendMax,
      verificationResendWindowSeconds,
      'too_many_verification_mails',
    );
    this.verifications.deliver(await this.verifications.prepare(user));
  }
}
