import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { createHash } from 'node:crypto';
import { AppConfig } from '../../../config/app-config';
import { MailMessage } from '../../../shared/contracts/mailer';
import { normalizeEmail } from '../../../shared/domain/email';
import { newId } from '../../../shared/domain/ids';
import { OrganizationDirectory } from '../../../shared/contracts/organizations';
import { assertPasswordAllowed } from '../domain/password-policy';
import { RateLimiter, UserRepository } from '../domain/auth.ports';
import { EmailVerifications } from './email-verifications';
import { PasswordHasher } from './password-hasher';

export interface RegistrationAccepted {
  status: 'verification_sent';
  message: string;
}

const ACCEPTED: RegistrationAccepted = {
  status: 'verification_sent',
  message: 'If the address can be registered, a mail with a verification link is on its way to it.',
};

/**
 * Sign-up. The answer is the same whether or not the address already has an account (no enumeration):
 * a new account gets a verification mail; a verified one gets a notice mail instead; an unverified one
 * gets a fresh verification mail carrying the credentials chosen now, applied only when its link is used,
 * so an address belongs to whoever reads its mailbox, not to whoever registered it first.
 * Nobody joins an organization here: invitations are accepted explicitly, with a verified address.
 */
@Injectable()
export class RegisterUser {
  constructor(
    private readonly users: UserRepository,
    private readonly organizations: OrganizationDirectory,
    private readonly hasher: PasswordHasher,
    private readonly verifications: EmailVerifications,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  async execute(input: {
    email: string;
    password: string;
    name: string;
    organizationName?: string;
    ip: string;
  }): Promise<RegistrationAccepted> {
    const { registerMaxPerIp, registerMaxMailsPerAddress, registerWindowSeconds } = this.config.auth;
    await this.limiter.hit(
      `register:ip:${input.ip}`,
      registerMaxPerIp,
      registerWindowSeconds,
      'too_many_sign_ups',
    );
    const email = normalizeEmail(input.email);
    assertPasswordAllowed(input.password, email);
    // Hash on every path (and before the transaction): argon2 takes tens of ms, and the time must not tell
    // a new address from a taken one.
    const passwordHash = await this.hasher.hash(input.password);
    const mail = await this.register(email, passwordHash, input.name.trim(), input.organizationName);
    // Sign-ups may not be used to flood one mailbox. The address is hashed so Redis holds none.
    const mailbox = createHash('sha256').update(email).digest('hex').slice(0, 32);
    if (await this.limiter.hit(`register:mail:${mailbox}`, registerMaxMailsPerAddress, registerWindowSeconds))
      this.verifications.deliver(mail);
    return ACCEPTED;
  }

  @Transactional()
  private async register(
    email: string,
    passwordHash: string,
    name: string,
    organizationName: string | undefined,
  ): Promise<MailMessage> {
    const user = { id: newId(), email, name, passwordHash };
    if (await this.users.create(user)) {
      if (organizationName) await this.organizations.create(user.id, organizationName);
      return this.verifications.prepare(user);
    }
    const existing = (await this.users.findByEmail(email))!;
    if (existing.emailVerifiedAt) return this.verifications.accountExistsNotice(existing.email);
    return this.verifications.prepare(existing, { passwordHash, name });
  }
}
