import { Injectable } from '@nestjs/common';
import { DomainError, NotFoundError } from '../../../shared/domain/domain-error';
import { normalizeEmail } from '../../../shared/domain/email';
import { ReceivedInvitation } from '../domain/invitation.repository.port';
import { MembershipRepository } from '../domain/membership.repository.port';

export const emailNotVerified = () =>
  new DomainError(
    'forbidden',
    'email_not_verified',
    'Verify your email address first: invitations are for the proven owner of the address',
  );

/**
 * Who may see and answer invitations: a user whose address is verified, and only for invitations to that
 * address. Anyone else's invitation is reported exactly like a missing one.
 */
@Injectable()
export class Invitee {
  constructor(private readonly memberships: MembershipRepository) {}

  async verifiedEmail(userId: string): Promise<string> {
    const identity = await this.memberships.findUserIdentity(userId);
    if (!identity) throw new NotFoundError('User', userId);
    if (!identity.emailVerified) throw emailNotVerified();
    return normalizeEmail(identity.email);
  }

  assertAddressedTo(invitation: ReceivedInvitation | null, email: string): ReceivedInvitation {
    if (!invitation || invitation.status !== 'pending' || normalizeEmail(invitation.email) !== email)
      throw new NotFoundError('Invitation');
    return invitation;
  }
}
