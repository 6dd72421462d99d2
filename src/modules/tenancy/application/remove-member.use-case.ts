import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Principal } from '../../../shared/context/principal';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { MembershipRepository } from '../domain/membership.repository.port';
import { OrganizationRepository } from '../domain/organization.repository.port';
import { assertMayManage, assertOwnerRemains } from '../domain/member-rules';
import { AuditTrail } from '../../../shared/contracts/audit-trail';
import { MembershipDirectory } from '../../../shared/contracts/memberships';

@Injectable()
export class RemoveMember {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly memberships: MembershipRepository,
    private readonly directory: MembershipDirectory,
    private readonly audit: AuditTrail,
  ) {}

  async execute(tenantId: TenantId, actor: Principal, userId: string): Promise<void> {
    await this.apply(tenantId, actor, userId);
    await this.directory.changed(userId);
  }

  @Transactional()
  private async apply(tenantId: TenantId, actor: Principal, userId: string): Promise<void> {
    await this.organizations.lock(tenantId);
    const member = await this.memberships.find(tenantId, userId);
    if (!member) throw new NotFoundError('Member', userId);
    assertMayManage(actor, [member.role]);
    assertOwnerRemains(member.role, null, await this.memberships.countOwners(tenantId));
    await this.memberships.remove(tenantId, userId);
    await this.audit.record(tenantId, {
      action: 'member.removed',
      target: userId,
      details: { email: member.email, role: member.role },
    });
  }
}
