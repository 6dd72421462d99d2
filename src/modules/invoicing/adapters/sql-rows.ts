import { EntityManager } from 'typeorm';

export type Row = Record<string, unknown>;

/**
 * Raw SQL through the (possibly transactional) EntityManager, always returning the rows: TypeORM's
 * query() answers UPDATE/DELETE with [rows, rowCount] instead of rows.
 */
export async function queryRows(manager: EntityManager, sql: string, params: unknown[]): Promise<Row[]> {
  const result: unknown = await manager.query(sql, params);
  if (/^\s*(UPDATE|DELETE)\b/i.test(sql) && Array.isArray(result) && Array.isArray(result[0]))
    return result[0] as Row[];
  return result as Row[];
}
