import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Clock } from '../../../shared/domain/clock.port';
import { InvitationRepository } from '../domain/invitation.repository.port';
import { AuditTrail } from '../../../shared/contracts/audit-trail';
import { Invitee } from './invitee';

/** The invitee says no; the organization sees it in its audit log and may invite again. */
@Injectable()
export class DeclineInvitation {
  constructor(
    private readonly invitee: Invitee,
    private readonly invitations: InvitationRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  @Transactional()
  async execute(userId: string, invitationId: string): Promise<void> {
    const email = await this.invitee.verifiedEmail(userId);
    const invitation = this.invitee.assertAddressedTo(
      await this.invitations.lockForAnswer(invitationId),
      email,
    );
    await this.invitations.close(invitation.id, 'declined', this.clock.now(), userId);
    await this.audit.record(invitation.tenantId, {
      action: 'member.invitation_declined',
      target: invitation.id,
      details: { email },
      actor: { kind: 'user', id: userId },
    });
  }
}
