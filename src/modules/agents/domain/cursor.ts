import { InvalidError } from '../../../shared/domain/domain-error';
import { isUuid } from '../../../shared/domain/ids';

/** Opaque keyset cursor on (created_at, id): stable under inserts, newest first. */
export interface Cursor {
  createdAt: Date;
  id: string;
}

export const encodeCursor = (c: Cursor): string =>
  Buffer.from(`${c.createdAt.toISOString()}|${c.id}`, 'utf8').toString('base64url');

export function decodeCursor(raw: string): Cursor {
  const [iso, id] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  // Only what encodeCursor writes (a round trip), so no odd year or offset form reaches Postgres.
  if (
    !id ||
    !isUuid(id) ||
    Number.isNaN(createdAt.getTime()) ||
    createdAt.toISOString() !== iso ||
    !/^\d{4}-/.test(iso)
  )
    throw new InvalidError('invalid_cursor', 'cursor is not one this API returned', [
      { field: 'cursor', message: 'invalid cursor' },
    ]);
  return { createdAt, id };
}
