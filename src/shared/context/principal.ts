import { TenantId } from '../domain/tenant-id';

export const ROLES = ['owner', 'admin', 'billing', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export type PrincipalKind = 'user' | 'api_key' | 'service_account';

/**
 * Who is calling. Users act through a role in the selected organization; API keys and service
 * accounts act through scopes. `tenantId` is null only for a user without any organization yet
 * (or a service account calling a tenant-less route).
 */
export interface Principal {
  kind: PrincipalKind;
  /** user id, API key id, or service account name */
  id: string;
  tenantId: TenantId | null;
  role?: Role;
  scopes: readonly string[];
  email?: string;
  /** users: the session (refresh-token family) the access token belongs to */
  sessionId?: string;
}
