import { AuditAction } from '../../../shared/contracts/audit-trail';
import { TenantId } from '../../../shared/domain/tenant-id';

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
