import { Role } from '../context/principal';
import { TenantId } from '../domain/tenant-id';

export interface UserMembership {
  tenantId: TenantId;
  role: Role;
  /** The user chose this organization as their default. */
  isDefault: boolean;
}

/**
 * The membership a user's requests act in when they name no organization: the one they chose as default
 * while still a member of it, otherwise the first one they joined. Joining a second organization (which
 * needs their own acceptance) therefore never changes where their existing requests go.
 */
export const defaultMembership = (memberships: UserMembership[]): UserMembership | undefined =>
  memberships.find((m) => m.isDefault) ?? memberships[0];

/**
 * A user's organizations and roles, read on every JWT-authenticated request (Tenancy provides it, cached;
 * Auth signs users in with it). `changed` drops the user's entry on every instance.
 */
export abstract class MembershipDirectory {
  abstract forUser(userId: string): Promise<UserMembership[]>;
  abstract changed(userId: string): Promise<void>;
}
