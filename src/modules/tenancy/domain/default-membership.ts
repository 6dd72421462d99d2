import { UserMembership } from './membership.repository.port';

/**
 * The membership a user's requests act in when they name no organization: the one they chose as default
 * while still a member of it, otherwise the first one they joined. Joining a second organization (which
 * needs their own acceptance) therefore never changes where their existing requests go.
 */
export const defaultMembership = (memberships: UserMembership[]): UserMembership | undefined =>
  memberships.find((m) => m.isDefault) ?? memberships[0];
