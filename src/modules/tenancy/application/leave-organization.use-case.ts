import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { MembershipRepository } from '../domain/membership.repository.port';
import { OrganizationRepository } from '../domain/organization.repository.port';
import { assertOwnerRemains } from '../domain/member-rules';
import { AuditTrail } from '../../../shared/contracts/audit-trail';
import { MembershipDirectory } from '../../../shared/contracts/memberships';

/** A member leaves on their own; the last owner cannot (the organization would have nobody in charge). */
@Injectable()
export class LeaveOrganization {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly memberships: MembershipRepository,
    private readonly directory: MembershipDirectory,
    private readonly audit: AuditTrail,
  ) {}

  async execute(tenantId: TenantId, userId: string): Promise<void> {
    await this.leave(tenantId, userId);
    await this.directory.changed(userId);
  }

  @Transactional()
  private async leave(tenantId: TenantId, userId: string): Promise<void> {
    await this.organizations.lock(tenantId);
    const member = await this.memberships.find(tenantId, userId);
    if (!member) throw new NotFoundError('Organization');
    assertOwnerRemains(member.role, null, await this.memberships.countOwners(tenantId));
    await this.memberships.remove(tenantId, userId);
    await this.audit.record(tenantId, {
      action: 'member.left',
      target: userId,
      details: { email: member.email, role: member.role },
      actor: { kind: 'user', id: userId },
    });
  }
}
