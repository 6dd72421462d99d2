import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Organization, OrganizationRepository } from '../domain/organization.repository.port';

@Injectable()
export class GetOrganization {
  constructor(private readonly organizations: OrganizationRepository) {}

  async execute(tenantId: TenantId): Promise<Organization> {
    const org = await this.organizations.findById(tenantId);
    if (!org) throw new NotFoundError('Organization', tenantId);
    return org;
  }
}
