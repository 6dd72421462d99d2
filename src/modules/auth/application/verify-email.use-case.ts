import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Clock } from '../../../shared/domain/clock.port';
import { InvalidError } from '../../../shared/domain/domain-error';
import { MembershipDirectory } from '../../../shared/contracts/memberships';
import { AuditTrail } from '../../../shared/contracts/audit-trail';
import { EmailVerificationRepository, RefreshTokenRepository, UserRepository } from '../domain/auth.ports';
import { hashVerificationToken } from './email-verifications';

/**
 * Uses a verification token: the address is verified. A token from a repeated sign-up also sets the
 * credentials chosen then and ends every session, since whoever held the account before had not
 * proven the mailbox.
 */
@Injectable()
export class VerifyEmail {
  constructor(
    private readonly verifications: EmailVerificationRepository,
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly directory: MembershipDirectory,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async execute(token: string): Promise<void> {
    const userId = await this.verify(token);
    const tenants = (await this.directory.forUser(userId)).map((m) => m.tenantId);
    await this.audit.record(tenants, {
      action: 'auth.email_verified',
      target: userId,
      actor: { kind: 'user', id: userId },
    });
  }

  @Transactional()
  private async verify(token: string): Promise<string> {
    const now = this.clock.now();
    const used = await this.verifications.consume(hashVerificationToken(token), now);
    if (!used)
      throw new InvalidError(
        'invalid_verification_token',
        'The verification link is invalid, expired or was already used',
      );
    if (used.passwordHash) {
      await this.users.setCredentials(used.userId, used.passwordHash, used.name ?? '');
      await this.refreshTokens.revokeAllForUser(used.userId, 'credentials_replaced');
    }
    await this.users.markEmailVerified(used.userId, now);
    return used.userId;
  }
}
