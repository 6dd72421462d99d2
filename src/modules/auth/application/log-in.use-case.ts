import { Injectable } from '@nestjs/common';
import { UnauthenticatedError } from '../../../shared/domain/domain-error';
import { normalizeEmail } from '../../../shared/domain/email';
import { MembershipDirectory } from '../../../shared/contracts/memberships';
import { AuditTrail } from '../../../shared/contracts/audit-trail';
import { LoginThrottle, UserRepository } from '../domain/auth.ports';
import { PasswordHasher } from './password-hasher';
import { Sessions, TokenPair } from './sessions';

/** Same 401 (and about the same time) for an unknown email and a wrong password; throttled per account and IP. */
@Injectable()
export class LogIn {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly sessions: Sessions,
    private readonly directory: MembershipDirectory,
    private readonly audit: AuditTrail,
  ) {}

  async execute(input: { email: string; password: string; ip: string }): Promise<TokenPair> {
    const email = normalizeEmail(input.email);
    await this.throttle.assertAllowed(email, input.ip);
    const user = await this.users.findByEmail(email);
    const ok = await this.hasher.verify(user?.passwordHash ?? null, input.password);
    const tenants = user ? (await this.directory.forUser(user.id)).map((m) => m.tenantId) : [];
    if (!user || !ok) {
      await this.throttle.recordFailure(email, input.ip);
      if (user) {
        await this.audit.record(tenants, {
          action: 'auth.login_failed',
          target: user.id,
          actor: { kind: 'user', id: user.id },
        });
      }
      throw new UnauthenticatedError('The email or password is wrong', 'invalid_credentials');
    }
    await this.throttle.reset(email, input.ip);
    await this.audit.record(tenants, {
      action: 'auth.login_succeeded',
      target: user.id,
      actor: { kind: 'user', id: user.id },
    });
    return this.sessions.start(user.id);
  }
}
