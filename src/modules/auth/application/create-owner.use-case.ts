import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Clock } from '../../../shared/domain/clock.port';
import { ConflictError } from '../../../shared/domain/domain-error';
import { normalizeEmail } from '../../../shared/domain/email';
import { newId } from '../../../shared/domain/ids';
import { Organization, OrganizationDirectory } from '../../../shared/contracts/organizations';
import { assertPasswordAllowed } from '../domain/password-policy';
import { UserRepository } from '../domain/auth.ports';
import { PasswordHasher } from './password-hasher';

/**
 * The operator's command line creates the first owner of an organization: the operator vouches for the
 * address, so it counts as verified, and a taken address is said plainly.
 */
@Injectable()
export class CreateOwner {
  constructor(
    private readonly users: UserRepository,
    private readonly organizations: OrganizationDirectory,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async execute(input: {
    email: string;
    password: string;
    name: string;
    organizationName: string;
  }): Promise<{ user: { id: string; email: string }; organization: Organization }> {
    const email = normalizeEmail(input.email);
    assertPasswordAllowed(input.password, email);
    const passwordHash = await this.hasher.hash(input.password);
    return this.create({ id: newId(), email, name: input.name.trim(), passwordHash }, input.organizationName);
  }

  @Transactional()
  private async create(
    user: { id: string; email: string; name: string; passwordHash: string },
    organizationName: string,
  ) {
    if (!(await this.users.create(user)))
      throw new ConflictError('email_taken', 'An account with this email already exists');
    await this.users.markEmailVerified(user.id, this.clock.now());
    const organization = await this.organizations.create(user.id, organizationName);
    return { user: { id: user.id, email: user.email }, organization };
  }
}
