import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import {
  Organization,
  OrganizationRepository,
  OrganizationWithRole,
} from '../domain/organization.repository.port';
import { AuditTrail } from './audit-trail';

@Injectable()
export class ListMyOrganizations {
  constructor(private readonly organizations: OrganizationRepository) {}

  execute(userId: string): Promise<OrganizationWithRole[]> {
    return this.organizations.findForUser(userId);
  }
}

@Injectable()
export class GetOrganization {
  constructor(private readonly organizations: OrganizationRepository) {}

  async execute(tenantId: TenantId): Promise<Organization> {
    const org = await this.organizations.findById(tenantId);
    if (!org) throw new NotFoundError('Organization', tenantId);
    return org;
  }
}

@Injectable()
export class UpdateOrganization {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly audit: AuditTrail,
  ) {}

  async execute(tenantId: TenantId, patch: { name?: string }): Promise<Organization> {
    const org = await this.organizations.findById(tenantId);
    if (!org) throw new NotFoundError('Organization', tenantId);
    if (patch.name !== undefined && patch.name.trim() !== org.name) {
      await this.organizations.rename(tenantId, patch.name.trim());
      await this.audit.record(tenantId, {
        action: 'organization.updated',
        target: tenantId,
        details: { name: patch.name.trim() },
      });
      org.name = patch.name.trim();
    }
    return org;
  }
}
