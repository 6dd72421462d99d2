import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Principal, Role } from '../../../shared/context/principal';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Member, MembershipRepository, PendingInvitation } from '../domain/membership.repository.port';
import { OrganizationRepository } from '../domain/organization.repository.port';
import { assertOwnerRemains } from '../domain/member-rules';
import { AuditTrail } from './audit-trail';
import { MembershipDirectory } from './membership-directory';

/** Only owners hand out or take away ownership; admins manage everyone else. */
function assertMayManage(actor: Principal, targetRoles: Role[]): void {
  if (targetRoles.includes('owner') && actor.role !== 'owner') {
    throw new ForbiddenError('Only an owner can grant, change or remove the owner role', 'owner_required');
  }
}

export type AddMemberResult =
  { status: 'added'; member: Member } | { status: 'invited'; invitation: PendingInvitation };

/** Adds an existing user by email, or records an invitation that turns into a membership when they register. */
@Injectable()
export class AddMember {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly directory: MembershipDirectory,
    private readonly audit: AuditTrail,
  ) {}

  async execute(
    tenantId: TenantId,
    actor: Principal,
    input: { email: string; role: Role },
  ): Promise<AddMemberResult> {
    assertMayManage(actor, [input.role]);
    const email = input.email.trim().toLowerCase();
    const userId = await this.memberships.findUserIdByEmail(email);
    if (!userId) {
      const created = await this.memberships.invite(
        tenantId,
        email,
        input.role,
        actor.kind === 'user' ? actor.id : null,
      );
      if (!created) throw new ConflictError('already_invited', `${email} already has a pending invitation`);
      await this.audit.record(tenantId, {
        action: 'member.invited',
        target: email,
        details: { role: input.role },
      });
      const invitation = (await this.memberships.listInvitations(tenantId)).find((i) => i.email === email)!;
      return { status: 'invited', invitation };
    }
    if (!(await this.memberships.add(tenantId, userId, input.role))) {
      throw new ConflictError('already_member', `${email} is already a member of this organization`);
    }
    await this.directory.changed(userId);
    await this.audit.record(tenantId, {
      action: 'member.added',
      target: userId,
      details: { email, role: input.role },
    });
    return { status: 'added', member: (await this.memberships.find(tenantId, userId))! };
  }
}

@Injectable()
export class ListMembers {
  constructor(private readonly memberships: MembershipRepository) {}

  async execute(tenantId: TenantId): Promise<{ members: Member[]; invitations: PendingInvitation[] }> {
    const [members, invitations] = await Promise.all([
      this.memberships.list(tenantId),
      this.memberships.listInvitations(tenantId),
    ]);
    return { members, invitations };
  }
}

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
