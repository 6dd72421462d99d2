import { Role } from '../../../shared/context/principal';
import { TenantId } from '../../../shared/domain/tenant-id';

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked' | 'expired';

export interface Invitation {
  id: string;
  tenantId: TenantId;
  email: string;
  role: Role;
  invitedBy: string | null;
  status: InvitationStatus;
  expiresAt: Date;
  createdAt: Date;
}

/** An invitation as its invitee sees it: with the organization's name. */
export interface ReceivedInvitation extends Invitation {
  organization: { id: TenantId; name: string };
}

export abstract class InvitationRepository {
  /**
   * Records a pending invitation; a pending one for the same address that has expired is closed first.
   * false when a live one is already pending.
   */
  abstract create(invitation: Omit<Invitation, 'status' | 'createdAt'>, now: Date): Promise<boolean>;
  /** Pending, unexpired invitations of an organization. */
  abstract listPending(tenantId: TenantId, now: Date): Promise<Invitation[]>;
  abstract findPending(tenantId: TenantId, id: string): Promise<Invitation | null>;
  /** Pending, unexpired invitations addressed to `email` (compared normalized), across organizations. */
  abstract listForEmail(email: string, now: Date): Promise<ReceivedInvitation[]>;
  /** Locks the invitation row for the invitee's answer; across organizations (the id is what the invitee holds). */
  abstract lockForAnswer(id: string): Promise<ReceivedInvitation | null>;
  abstract close(
    id: string,
    status: Exclude<InvitationStatus, 'pending'>,
    at: Date,
    userId: string | null,
  ): Promise<void>;
  /** Revokes a pending invitation of this organization; false when there is none with that id. */
  abstract revoke(tenantId: TenantId, id: string, at: Date): Promise<boolean>;
}
