import { Injectable } from '@nestjs/common';
import { TenantId } from '../../../shared/domain/tenant-id';
import { decodeCursor, Page, pageFrom } from '../../../shared/http/cursor';
import { AuditEntry, AuditLogRepository } from '../domain/audit-log.repository.port';

const cursorPosition = ([createdAt, id]: [Date, string]) => ({ createdAt, id });

/** Newest first, keyset-paginated (stable while new entries arrive). */
@Injectable()
export class ListAuditLogs {
  constructor(private readonly repo: AuditLogRepository) {}

  async execute(
    tenantId: TenantId,
    query: { action?: string; from?: Date; to?: Date; limit?: number; cursor?: string },
  ): Promise<Page<AuditEntry>> {
    const limit = query.limit ?? 50;
    const rows = await this.repo.list(tenantId, {
      action: query.action,
      from: query.from,
      to: query.to,
      limit: limit + 1,
      before: query.cursor ? cursorPosition(decodeCursor(query.cursor, ['timestamp', 'uuid'])) : undefined,
    });
    return pageFrom(rows, limit, (last) => [last.createdAt, last.id]);
  }
}
