import { Injectable } from '@nestjs/common';
import { Principal } from '../../../shared/context/principal';
import { NotFoundError, UnauthenticatedError } from '../../../shared/domain/domain-error';
import { normalizeEmail } from '../../../shared/domain/email';
import { OrganizationWithRole } from '../../tenancy/domain/organization.repository.port';
import { OrganizationRepository } from '../../tenancy/domain/organization.repository.port';
import { defaultMembership } from '../../tenancy/domain/default-membership';
import { MembershipDirectory } from '../../tenancy/application/membership-directory';
import { AuditTrail } from '../../tenancy/application/audit-trail';
import { LoginThrottle, User, UserRepository } from '../domain/auth.ports';
import { PasswordHasher } from './password-hasher';
import { Sessions, TokenPair } from './sessions';

export type PublicUser = Pick<User, 'id' | 'email' | 'name' | 'createdAt'> & { emailVerified: boolean };
export const publicUser = (user: User): PublicUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  createdAt: user.createdAt,
  emailVerified: user.emailVerifiedAt !== null,
});

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

@Injectable()
export class RefreshSession {
  constructor(private readonly sessions: Sessions) {}

  execute(refreshToken: string): Promise<TokenPair> {
    return this.sessions.refresh(refreshToken);
  }
}

@Injectable()
export class LogOut {
  constructor(private readonly sessions: Sessions) {}

  async execute(principal: Principal, refreshToken?: string): Promise<void> {
    if (principal.kind !== 'user') return;
    await this.sessions.end({ familyId: principal.sessionId, refreshToken, userId: principal.id });
  }
}

export interface Me {
  kind: Principal['kind'];
  id: string;
  tenantId: string | null;
  role: string | null;
  scopes: readonly string[];
  user: PublicUser | null;
  /** users: whether the address is verified (needed to accept invitations) */
  emailVerified: boolean | null;
  /** users: the organization requests without X-Organization-Id act in */
  defaultOrganizationId: string | null;
  organizations: OrganizationWithRole[];
}

@Injectable()
export class GetMe {
  constructor(
    private readonly users: UserRepository,
    private readonly organizations: OrganizationRepository,
    private readonly directory: MembershipDirectory,
  ) {}

  async execute(principal: Principal): Promise<Me> {
    const base = {
      kind: principal.kind,
      id: principal.id,
      tenantId: principal.tenantId,
      role: principal.role ?? null,
      scopes: principal.scopes,
    };
    if (principal.kind !== 'user')
      return { ...base, user: null, emailVerified: null, defaultOrganizationId: null, organizations: [] };
    const user = await this.users.findById(principal.id);
    if (!user) throw new NotFoundError('User', principal.id);
    const [organizations, memberships] = await Promise.all([
      this.organizations.findForUser(user.id),
      this.directory.forUser(user.id),
    ]);
    return {
      ...base,
      user: publicUser(user),
      emailVerified: user.emailVerifiedAt !== null,
      defaultOrganizationId: defaultMembership(memberships)?.tenantId ?? null,
      organizations,
    };
  }
}
