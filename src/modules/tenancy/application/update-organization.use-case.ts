import { Injectable } from '@nestjs/common';
import { InvalidError, NotFoundError } from '../../../shared/domain/domain-error';
import { isValidTimeZone } from '../../../shared/domain/time-zone';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Organization, OrganizationRepository } from '../domain/organization.repository.port';
import { AuditTrail } from '../../../shared/contracts/audit-trail';

@Injectable()
export class UpdateOrganization {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly audit: AuditTrail,
  ) {}

  async execute(tenantId: TenantId, patch: { name?: string; timezone?: string }): Promise<Organization> {
    if (patch.timezone !== undefined && !isValidTimeZone(patch.timezone))
      throw new InvalidError('invalid_timezone', `Unknown time zone ${patch.timezone}`, [
        { field: 'timezone', message: 'must be an IANA time zone, e.g. Europe/Paris' },
      ]);
    const org = await this.organizations.findById(tenantId);
    if (!org) throw new NotFoundError('Organization', tenantId);
    if (patch.timezone !== undefined && patch.timezone !== org.timezone) {
      await this.organizations.setTimezone(tenantId, patch.timezone);
      await this.audit.record(tenantId, {
        action: 'organization.updated',
        target: tenantId,
        details: { timezone: patch.timezone },
      });
      org.timezone = patch.timezone;
    }
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
