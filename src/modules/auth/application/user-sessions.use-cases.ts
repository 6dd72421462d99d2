import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Principal } from '../../../shared/context/principal';
import { ConflictError, NotFoundError, UnauthenticatedError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { Organization, OrganizationWithRole } from '../../tenancy/domain/organization.repository.port';
import { OrganizationRepository } from '../../tenancy/domain/organization.repository.port';
import { MembershipRepository } from '../../tenancy/domain/membership.repository.port';
import { CreateOrganization } from '../../tenancy/application/create-organization.use-case';
import { MembershipDirectory } from '../../tenancy/application/membership-directory';
import { AuditTrail } from '../../tenancy/application/audit-trail';
import { assertPasswordAllowed } from '../domain/password-policy';
import { LoginThrottle, User, UserRepository } from '../domain/auth.ports';
import { PasswordHasher } from './password-hasher';
import { Sessions, TokenPair } from './sessions';

export type PublicUser = Omit<User, 'passwordHash'>;
const publicUser = ({ passwordHash: _omit, ...user }: User): PublicUser => user;

/** Creates a user (and optionally an organization they own); pending invitations become memberships. */
@Injectable()
export class RegisterUser {
  constructor(
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly directory: MembershipDirectory,
    private readonly createOrganization: CreateOrganization,
    private readonly hasher: PasswordHasher,
    private readonly sessions: Sessions,
  ) {}

  async execute(input: {
    email: string;
    password: string;
    name: string;
    organizationName?: string;
  }): Promise<TokenPair & { user: PublicUser; organization: Organization | null }> {
    const email = input.email.trim().toLowerCase();
    assertPasswordAllowed(input.password, email);
    // Hash before the transaction opens: argon2 takes tens of ms and must not hold a pooled connection.
    const user: User = {
      id: newId(),
      email,
      name: input.name.trim(),
      passwordHash: await this.hasher.hash(input.password),
      createdAt: new Date(),
    };
    const result = await this.create(user, input.organizationName);
    if (result.joined) await this.directory.changed(user.id);
    return result.registered;
  }

  @Transactional()
  private async create(user: User, organizationName: string | undefined) {
    if (!(await this.users.create(user))) {
      throw new ConflictError('email_taken', 'An account with this email already exists');
    }
    const joined = (await this.memberships.acceptInvitations(user.id, user.email)).length > 0;
    const organization = organizationName
      ? await this.createOrganization.execute(user.id, organizationName)
      : null;
    const tokens = await this.sessions.start(user.id);
    const stored = (await this.users.findById(user.id)) ?? user;
    return { joined, registered: { ...tokens, user: publicUser(stored), organization } };
  }
}

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
    const email = input.email.trim().toLowerCase();
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
    await this.throttle.reset(email);
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
  organizations: OrganizationWithRole[];
}

@Injectable()
export class GetMe {
  constructor(
    private readonly users: UserRepository,
    private readonly organizations: OrganizationRepository,
  ) {}

  async execute(principal: Principal): Promise<Me> {
    const base = {
      kind: principal.kind,
      id: principal.id,
      tenantId: principal.tenantId,
      role: principal.role ?? null,
      scopes: principal.scopes,
    };
    if (principal.kind !== 'user') return { ...base, user: null, organizations: [] };
    const user = await this.users.findById(principal.id);
    if (!user) throw new NotFoundError('User', principal.id);
    return { ...base, user: publicUser(user), organizations: await this.organizations.findForUser(user.id) };
  }
}
