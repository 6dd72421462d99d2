import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Principal } from '../../../shared/context/principal';
import { Clock } from '../../../shared/domain/clock.port';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { InvitationRepository } from '../domain/invitation.repository.port';
import { assertMayManage } from '../domain/member-rules';
import { AuditTrail } from '../../../shared/contracts/audit-trail';

/** Withdraws a pending invitation; its link then answers 404. Only owners withdraw owner invitations. */
@Injectable()
export class RevokeInvitation {
  constructor(
    private readonly invitations: InvitationRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  @Transactional()
  async execute(tenantId: TenantId, actor: Principal, invitationId: string): Promise<void> {
    const invitation = await this.invitations.findPending(tenantId, invitationId);
    if (!invitation) throw new NotFoundError('Invitation', invitationId);
    assertMayManage(actor, [invitation.role]);
    if (!(await this.invitations.revoke(tenantId, invitationId, this.clock.now())))
      throw new NotFoundError('Invitation', invitationId);
    await this.audit.record(tenantId, {
      action: 'member.invitation_revoked',
      target: invitationId,
      details: { email: invitation.email, role: invitation.role },
    });
  }
}
