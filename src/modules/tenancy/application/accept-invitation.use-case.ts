import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Clock } from '../../../shared/domain/clock.port';
import { ConflictError } from '../../../shared/domain/domain-error';
import { InvitationRepository } from '../domain/invitation.repository.port';
import { MembershipRepository } from '../domain/membership.repository.port';
import { OrganizationRepository, OrganizationWithRole } from '../domain/organization.repository.port';
import { AuditTrail } from '../../../shared/contracts/audit-trail';
import { Invitee } from './invitee';
import { MembershipDirectory } from '../../../shared/contracts/memberships';

/** The invitee joins with the invited role. Needs their verified address to be the invited one. */
@Injectable()
export class AcceptInvitation {
  constructor(
    private readonly invitee: Invitee,
    private readonly invitations: InvitationRepository,
    private readonly memberships: MembershipRepository,
    private readonly organizations: OrganizationRepository,
    private readonly directory: MembershipDirectory,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async execute(userId: string, invitationId: string): Promise<OrganizationWithRole> {
    const joined = await this.accept(userId, invitationId);
    // After commit: a request racing the change must not re-cache the old memberships.
    await this.directory.changed(userId);
    return joined;
  }

  @Transactional()
  private async accept(userId: string, invitationId: string): Promise<OrganizationWithRole> {
    const email = await this.invitee.verifiedEmail(userId);
    const invitation = this.invitee.assertAddressedTo(
      await this.invitations.lockForAnswer(invitationId),
      email,
    );
    const now = this.clock.now();
    if (invitation.expiresAt <= now) {
      await this.invitations.close(invitation.id, 'expired', now, null);
      throw new ConflictError('invitation_expired', 'The invitation has expired: ask for a new one');
    }
    await this.memberships.add(invitation.tenantId, userId, invitation.role);
    await this.invitations.close(invitation.id, 'accepted', now, userId);
    await this.audit.record(invitation.tenantId, {
      action: 'member.joined',
      target: userId,
      details: { email, role: invitation.role, invitationId: invitation.id },
      actor: { kind: 'user', id: userId },
    });
    const [organization, member] = await Promise.all([
      this.organizations.findById(invitation.tenantId),
      this.memberships.find(invitation.tenantId, userId),
    ]);
    return { ...organization!, role: member!.role };
  }
}
