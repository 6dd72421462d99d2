import { UserMembership } from '../../../shared/contracts/memberships';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Role } from '../../../shared/context/principal';

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: Date;
}

/** What accepting an invitation needs to know about the user: the address and whether it is proven. */
export interface UserIdentity {
  email: string;
  emailVerified: boolean;
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
  abstract findUserIdentity(userId: string): Promise<UserIdentity | null>;
}
