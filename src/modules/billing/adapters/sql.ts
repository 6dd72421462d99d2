import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';

export type Tx = TransactionHost<TransactionalAdapterTypeOrm>;

/**
 * Billing's adapters use raw SQL (hot paths and numeric/jsonb-heavy tables); every query names
 * tenant_id as a bind parameter. Queries run in the caller's transaction when there is one.
 */
export async function sql<T = any>(tx: Tx, text: string, params: unknown[] = []): Promise<T[]> {
  const result = await tx.tx.query(text, params);
  // TypeORM's postgres driver answers UPDATE/DELETE with [rows, rowCount]; everything else with rows.
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  )
    return result[0] as T[];
  return result as T[];
}

/** numeric → canonical decimal string (no trailing zeros) or null. */
export const num = (v: string | null | undefined): string | null =>
  v === null || v === undefined ? null : trimZeros(String(v));

export function trimZeros(v: string): string {
  if (!v.includes('.')) return v;
  const t = v.replace(/0+$/, '').replace(/\.$/, '');
  return t === '-0' ? '0' : t;
}
