import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { RequestContextStore } from '../../../shared/context/request-context';
import { Clock } from '../../../shared/domain/clock.port';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { AuditRecord, AuditTrail } from '../../../shared/contracts/audit-trail';
import { AuditLogRepository } from '../domain/audit-log.repository.port';

/** Writes security-relevant actions with who, where from and which request, taken from the request context. */
@Injectable()
export class RequestContextAuditTrail extends AuditTrail {
  constructor(
    private readonly repo: AuditLogRepository,
    private readonly cls: ClsService<RequestContextStore>,
    private readonly clock: Clock,
  ) {
    super();
  }

  async record(tenantIds: TenantId | readonly TenantId[], record: AuditRecord): Promise<void> {
    const tenants = typeof tenantIds === 'string' ? [tenantIds] : tenantIds;
    if (!tenants.length) return;
    const active = this.cls.isActive();
    const principal = active ? this.cls.get('principal') : undefined;
    const actor = record.actor ?? (principal ? { kind: principal.kind, id: principal.id } : null);
    const now = this.clock.now();
    await this.repo.insert(
      tenants.map((tenantId) => ({
        id: newId(),
        tenantId,
        action: record.action,
        actorKind: actor?.kind ?? null,
        actorId: actor?.id ?? null,
        target: record.target ?? null,
        ip: (active && this.cls.get('ip')) || null,
        requestId: (active && (this.cls.get('requestId') || this.cls.getId())) || null,
        details: record.details ?? {},
        createdAt: now,
      })),
    );
  }
}
