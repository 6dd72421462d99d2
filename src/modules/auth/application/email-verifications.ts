import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { AppConfig } from '../../../config/app-config';
import { describeMailFailure, Mailer, MailMessage } from '../../../shared/contracts/mailer';
import { Clock } from '../../../shared/domain/clock.port';
import { newId } from '../../../shared/domain/ids';
import { EmailVerificationRepository } from '../domain/auth.ports';

/** Tokens carry 256 random bits, so a plain SHA-256 is enough to keep a database leak from using them. */
export const hashVerificationToken = (token: string) => createHash('sha256').update(token).digest();

/**
 * Issues single-use, expiring email verification tokens (only their hash is stored) and the mails that
 * carry them. Mail goes out after the caller's transaction, without holding the request: a relay that is
 * down is logged and the user can ask for another mail.
 */
@Injectable()
export class EmailVerifications {
  private readonly logger = new Logger('EmailVerifications');

  constructor(
    private readonly verifications: EmailVerificationRepository,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Stores a new token for the user and returns the mail to send once the transaction has committed. */
  async prepare(
    user: { id: string; email: string; name: string },
    pending?: { passwordHash: string; name: string },
  ): Promise<MailMessage> {
    const token = `ev_${randomBytes(32).toString('base64url')}`;
    const ttl = this.config.auth.emailVerificationTtlSeconds;
    await this.verifications.insert({
      id: newId(),
      userId: user.id,
      tokenHash: hashVerificationToken(token),
      expiresAt: new Date(this.clock.now().getTime() + ttl * 1000),
      passwordHash: pending?.passwordHash ?? null,
      name: pending?.name ?? null,
    });
    const page = this.config.auth.verifyEmailUrl ?? `${this.config.publicBaseUrl}/verify-email`;
    const link = `${page}${page.includes('?') ? '&' : '?'}token=${token}`;
    const hours = Math.round(ttl / 360) / 10;
    return {
      to: [user.email],
      subject: 'Verify your email address',
      text: [
        `Hello ${pending?.name ?? user.name},`,
        '',
        `confirm that ${user.email} is your address by opening this link:`,
        link,
        '',
        `(or send the token to POST /api/v1/auth/verify-email: ${token})`,
        '',
        `The link works once and expires in ${hours} hours.`,
        pending
          ? 'Using it sets the password chosen at this sign-up and signs out every other session of the account.'
          : '',
        'If you did not sign up, ignore this mail.',
      ].join('\n'),
    };
  }

  /** Said to the owner of an address that already has a verified account, instead of telling the caller. */
  accountExistsNotice(email: string): MailMessage {
    return {
      to: [email],
      subject: 'Sign-up attempt with your email address',
      text: [
        'Hello,',
        '',
        `someone (perhaps you) tried to create an account with ${email}. You already have an account:`,
        `sign in at ${this.config.publicBaseUrl} with this address. If it was not you, you can ignore this mail;`,
        'nothing about your account changed.',
      ].join('\n'),
    };
  }

  deliver(message: MailMessage): void {
    this.mailer.send(message).catch((err: unknown) =>
      this.logger.error({
        msg: 'mail could not be sent',
        subject: message.subject,
        ...describeMailFailure(err),
      }),
    );
  }
}
