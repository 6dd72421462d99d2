import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { AppConfig } from '../../../config/app-config';
import { WebhookEvents } from '../../../shared/contracts/webhook-events';
import { Principal, Role } from '../../../shared/context/principal';
import { Clock } from '../../../shared/domain/clock.port';
import { ConflictError, NotFoundError } from '../../../shared/domain/domain-error';
import { normalizeEmail } from '../../../shared/domain/email';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Invitation, InvitationRepository } from '../domain/invitation.repository.port';
import { MembershipRepository } from '../domain/membership.repository.port';
import { OrganizationRepository } from '../domain/organization.repository.port';
import { assertMayManage } from '../domain/member-rules';
import { AuditTrail } from '../../../shared/contracts/audit-trail';

export interface InviteMemberResult {
  status: 'invited';
  invitation: Invitation;
}

/**
 * Invites an address into the organization, whether or not it has an account: nobody becomes a member
 * without accepting (POST /invitations/:id/accept, with that address verified). `member.invited` is published
 * with the invitation; the notifications worker mails the invitee.
 */
@Injectable()
export class InviteMember {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly invitations: InvitationRepository,
    private readonly organizations: OrganizationRepository,
    private readonly audit: AuditTrail,
    private readonly events: WebhookEvents,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async execute(
    tenantId: TenantId,
    actor: Principal,
    input: { email: string; role: Role },
  ): Promise<InviteMemberResult> {
    assertMayManage(actor, [input.role]);
    const invitation = await this.invite(tenantId, actor, normalizeEmail(input.email), input.role);
    return { status: 'invited', invitation };
  }

  @Transactional()
  private async invite(tenantId: TenantId, actor: Principal, email: string, role: Role) {
    const userId = await this.memberships.findUserIdByEmail(email);
    if (userId && (await this.memberships.find(tenantId, userId)))
      throw new ConflictError('already_member', `${email} is already a member of this organization`);
    const organization = await this.organizations.findById(tenantId);
    if (!organization) throw new NotFoundError('Organization');
    const now = this.clock.now();
    const invitation: Invitation = {
      id: newId(),
      tenantId,
      email,
      role,
      invitedBy: actor.kind === 'user' ? actor.id : null,
      status: 'pending',
      expiresAt: new Date(now.getTime() + this.config.auth.invitationTtlHours * 3_600_000),
      createdAt: now,
    };
    if (!(await this.invitations.create(invitation, now)))
      throw new ConflictError('already_invited', `${email} already has a pending invitation`);
    await this.audit.record(tenantId, {
      action: 'member.invited',
      target: email,
      details: { role, invitationId: invitation.id },
    });
    await this.events.publish(tenantId, 'member.invited', {
      invitationId: invitation.id,
      email,
      role,
      organizationName: organization.name,
      expiresAt: invitation.expiresAt.toISOString(),
    });
    return invitation;
  }
}
