import { Injectable } from '@nestjs/common';
import {
  Organization,
  OrganizationDirectory,
  OrganizationWithRole,
} from '../../../shared/contracts/organizations';
import { TenantId } from '../../../shared/domain/tenant-id';
import { OrganizationRepository } from '../domain/organization.repository.port';
import { CreateOrganization } from './create-organization.use-case';
import { GetOrganization } from './get-organization.use-case';

/** Organizations as Auth uses them: through the same use cases as Tenancy's own routes. */
@Injectable()
export class UseCaseOrganizationDirectory extends OrganizationDirectory {
  constructor(
    private readonly createOrganization: CreateOrganization,
    private readonly getOrganization: GetOrganization,
    private readonly organizations: OrganizationRepository,
  ) {
    super();
  }

  create(ownerUserId: string, name: string): Promise<Organization> {
    return this.createOrganization.execute(ownerUserId, name);
  }

  get(tenantId: TenantId): Promise<Organization> {
    return this.getOrganization.execute(tenantId);
  }

  forUser(userId: string): Promise<OrganizationWithRole[]> {
    return this.organizations.findForUser(userId);
  }
}
