import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock.port';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Invitation, InvitationRepository } from '../domain/invitation.repository.port';

/** An organization's pending, unexpired invitations. */
@Injectable()
export class ListInvitations {
  constructor(
    private readonly invitations: InvitationRepository,
    private readonly clock: Clock,
  ) {}

  execute(tenantId: TenantId): Promise<Invitation[]> {
    return this.invitations.listPending(tenantId, this.clock.now());
  }
}
