import { TenantId } from '../../../shared/domain/tenant-id';
import { Role } from '../../../shared/context/principal';

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: Date;
}

export interface UserMembership {
  tenantId: TenantId;
  role: Role;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  createdAt: Date;
}

export abstract class MembershipRepository {
  /** false when the user is already a member. */
  abstract add(tenantId: TenantId, userId: string, role: Role): Promise<boolean>;
  abstract find(tenantId: TenantId, userId: string): Promise<Member | null>;
  abstract list(tenantId: TenantId): Promise<Member[]>;
  abstract listForUser(userId: string): Promise<UserMembership[]>;
  abstract countOwners(tenantId: TenantId): Promise<number>;
  abstract changeRole(tenantId: TenantId, userId: string, role: Role): Promise<void>;
  abstract remove(tenantId: TenantId, userId: string): Promise<void>;
  abstract findUserIdByEmail(email: string): Promise<string | null>;
  /** false when an invitation for this email is already pending. */
  abstract invite(tenantId: TenantId, email: string, role: Role, invitedBy: string | null): Promise<boolean>;
  abstract listInvitations(tenantId: TenantId): Promise<PendingInvitation[]>;
  /** Turns pending invitations of this email into memberships; returns the organizations joined. */
  abstract acceptInvitations(userId: string, email: string): Promise<TenantId[]>;
}
