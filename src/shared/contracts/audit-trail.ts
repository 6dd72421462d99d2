import { TenantId } from '../domain/tenant-id';

/** The security-relevant actions every organization's audit log lists (GET /api/v1/audit-logs). */
export const AUDIT_ACTIONS = [
  'auth.login_succeeded',
  'auth.login_failed',
  'auth.refresh_reuse_detected',
  'auth.email_verified',
  'organization.created',
  'organization.updated',
  'member.added',
  'member.invited',
  'member.invitation_revoked',
  'member.invitation_declined',
  'member.joined',
  'member.left',
  'member.role_changed',
  'member.removed',
  'api_key.created',
  'api_key.revoked',
  'service_account.token_issued',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditRecord {
  action: AuditAction;
  target?: string;
  details?: Record<string, unknown>;
  /** Defaults to the request's principal. */
  actor?: { kind: string; id: string };
}

/** Writes security-relevant actions to the organizations' audit logs (Tenancy provides it; Auth records sign-ins and keys). */
export abstract class AuditTrail {
  abstract record(tenantIds: TenantId | readonly TenantId[], record: AuditRecord): Promise<void>;
}
