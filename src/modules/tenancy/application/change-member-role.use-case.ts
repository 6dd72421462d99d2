import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Principal, Role } from '../../../shared/context/principal';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Member, MembershipRepository } from '../domain/membership.repository.port';
import { OrganizationRepository } from '../domain/organization.repository.port';
import { assertMayManage, assertOwnerRemains } from '../domain/member-rules';
import { AuditTrail } from '../../../shared/contracts/audit-trail';
import { MembershipDirectory } from '../../../shared/contracts/memberships';

@Injectable()
export class ChangeMemberRole {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly memberships: MembershipRepository,
    private readonly directory: MembershipDirectory,
    private readonly audit: AuditTrail,
  ) {}

  async execute(tenantId: TenantId, actor: Principal, userId: string, role: Role): Promise<Member> {
    const member = await this.apply(tenantId, actor, userId, role);
    // After commit: a request racing the change must not re-cache the old role.
    await this.directory.changed(userId);
    return member;
  }

  @Transactional()
  private async apply(tenantId: TenantId, actor: Principal, userId: string, role: Role): Promise<Member> {
    await this.organizations.lock(tenantId);
    const member = await this.memberships.find(tenantId, userId);
    if (!member) throw new NotFoundError('Member', userId);
    if (member.role === role) return member;
    assertMayManage(actor, [member.role, role]);
    assertOwnerRemains(member.role, role, await this.memberships.countOwners(tenantId));
    await this.memberships.changeRole(tenantId, userId, role);
    await this.audit.record(tenantId, {
      action: 'member.role_changed',
      target: userId,
      details: { from: member.role, to: role },
    });
    return { ...member, role };
  }
}
