import { Injectable } from '@nestjs/common';
import { Principal } from '../../../shared/context/principal';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { OrganizationDirectory, OrganizationWithRole } from '../../../shared/contracts/organizations';
import { defaultMembership } from '../../../shared/contracts/memberships';
import { MembershipDirectory } from '../../../shared/contracts/memberships';
import { User, UserRepository } from '../domain/auth.ports';

export type PublicUser = Pick<User, 'id' | 'email' | 'name' | 'createdAt'> & { emailVerified: boolean };
export const publicUser = (user: User): PublicUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  createdAt: user.createdAt,
  emailVerified: user.emailVerifiedAt !== null,
});

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
    private readonly organizations: OrganizationDirectory,
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
      this.organizations.forUser(user.id),
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
