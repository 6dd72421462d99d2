import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { MembershipDirectory } from '../../../shared/contracts/memberships';
import { UserRepository } from '../domain/auth.ports';

/** The organization a user's requests without X-Organization-Id act in; null = the first one joined. */
@Injectable()
export class SetDefaultOrganization {
  constructor(
    private readonly users: UserRepository,
    private readonly directory: MembershipDirectory,
  ) {}

  async execute(userId: string, organizationId: string | null): Promise<void> {
    if (organizationId !== null) {
      const memberships = await this.directory.forUser(userId);
      if (!memberships.some((m) => m.tenantId === organizationId)) throw new NotFoundError('Organization');
    }
    await this.users.setDefaultOrganization(userId, organizationId);
    await this.directory.changed(userId);
  }
}
