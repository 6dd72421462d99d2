import { TenantId } from '../../../shared/domain/tenant-id';

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

export interface AuditEntry {
  id: string;
  tenantId: TenantId;
  action: AuditAction;
  actorKind: string | null;
  actorId: string | null;
  target: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

export interface AuditQuery {
  action?: string;
  from?: Date;
  to?: Date;
  limit: number;
  /** Keyset cursor: entries strictly older than this (createdAt, id). */
  before?: { createdAt: Date; id: string };
}

export abstract class AuditLogRepository {
  abstract insert(entries: AuditEntry[]): Promise<void>;
  abstract list(tenantId: TenantId, query: AuditQuery): Promise<AuditEntry[]>;
}
