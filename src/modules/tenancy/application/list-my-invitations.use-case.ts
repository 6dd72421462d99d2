import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock.port';
import { InvitationRepository, ReceivedInvitation } from '../domain/invitation.repository.port';
import { Invitee } from './invitee';

/** Pending, unexpired invitations to the caller's verified address. */
@Injectable()
export class ListMyInvitations {
  constructor(
    private readonly invitee: Invitee,
    private readonly invitations: InvitationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(userId: string): Promise<ReceivedInvitation[]> {
    const email = await this.invitee.verifiedEmail(userId);
    return this.invitations.listForEmail(email, this.clock.now());
  }
}
