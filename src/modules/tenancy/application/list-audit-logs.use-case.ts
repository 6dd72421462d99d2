import { Injectable } from '@nestjs/common';
import { InvalidError } from '../../../shared/domain/domain-error';
import { isUuid } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { AuditEntry, AuditLogRepository } from '../domain/audit-log.repository.port';

const encodeCursor = (e: AuditEntry) =>
  Buffer.from(`${e.createdAt.toISOString()}|${e.id}`).toString('base64url');

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  // Only what encodeCursor writes: anything else would reach Postgres as a bad uuid or timestamp.
  if (
    !id ||
    !isUuid(id) ||
    Number.isNaN(createdAt.getTime()) ||
    createdAt.toISOString() !== at ||
    !/^\d{4}-/.test(at)
  )
    throw new InvalidError('invalid_cursor', 'cursor is not valid');
  return { createdAt, id };
}

/** Newest first, keyset-paginated (stable while new entries arrive). */
@Injectable()
export class ListAuditLogs {
  constructor(private readonly repo: AuditLogRepository) {}

  async execute(
    tenantId: TenantId,
    query: { action?: string; from?: Date; to?: Date; limit?: number; cursor?: string },
  ): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const rows = await this.repo.list(tenantId, {
      action: query.action,
      from: query.from,
      to: query.to,
      limit: limit + 1,
      before: query.cursor ? decodeCursor(query.cursor) : undefined,
    });
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null };
  }
}
