import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { newId } from '../../../shared/domain/ids';
import { asTenantId } from '../../../shared/domain/tenant-id';
import { Organization, OrganizationRepository } from '../domain/organization.repository.port';
import { MembershipRepository } from '../domain/membership.repository.port';
import { AuditTrail } from '../../../shared/contracts/audit-trail';
import { MembershipDirectory } from '../../../shared/contracts/memberships';
import { Clock } from '../../../shared/domain/clock.port';

/** Creates an organization (a tenant) owned by the given user. */
@Injectable()
export class CreateOrganization {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly memberships: MembershipRepository,
    private readonly directory: MembershipDirectory,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async execute(ownerUserId: string, name: string): Promise<Organization> {
    const org = await this.create(ownerUserId, name);
    await this.directory.changed(ownerUserId);
    return org;
  }

  @Transactional()
  private async create(ownerUserId: string, name: string): Promise<Organization> {
    const org: Organization = {
      id: asTenantId(newId()),
      name: name.trim(),
      timezone: 'UTC',
      createdAt: this.clock.now(),
    };
    await this.organizations.create(org);
    await this.memberships.add(org.id, ownerUserId, 'owner');
    await this.audit.record(org.id, {
      action: 'organization.created',
      target: org.id,
      details: { name: org.name },
      actor: { kind: 'user', id: ownerUserId },
    });
    return org;
  }
}
