import { InvalidError } from '../domain/domain-error';
import { isUuid } from '../domain/ids';

/**
 * The one cursor format of every list: an opaque base64url of the JSON array of the last item's sort key
 * (for most lists its creation time and id). A cursor is accepted only if it is exactly what encodeCursor
 * writes for a key of the list's shape; anything else is 400 invalid_cursor, never passed to Postgres.
 */
export type CursorPart = 'timestamp' | 'instant' | 'uuid' | 'int' | 'string';
type PartValue<P extends CursorPart> = P extends 'timestamp' ? Date : P extends 'int' ? number : string;

/**
 * A Postgres timestamptz column as text with its microseconds (the 'instant' cursor part). A JS Date keeps
 * milliseconds only, so a keyset on (created_at, id) built from a Date would repeat or skip rows written
 * within the same millisecond.
 */
export const instantSql = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
export type CursorKey<S extends readonly CursorPart[]> = { -readonly [K in keyof S]: PartValue<S[K]> };

const MAX_CURSOR_LENGTH = 500;

export function encodeCursor(...key: Array<Date | string | number>): string {
  const parts = key.map((v) => (v instanceof Date ? v.toISOString() : v));
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

const invalidCursor = () =>
  new InvalidError('invalid_cursor', 'cursor is not one this API returned', [
    { field: 'cursor', message: 'pass back the nextCursor of the previous page unchanged' },
  ]);

const PARSE: Record<CursorPart, (v: unknown) => unknown> = {
  timestamp: (v) => {
    if (typeof v !== 'string') return undefined;
    const at = new Date(v);
    return Number.isNaN(at.getTime()) || at.toISOString() !== v ? undefined : at;
  },
  instant: (v) =>
    typeof v === 'string' && INSTANT_RE.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined,
  uuid: (v) => (typeof v === 'string' && isUuid(v) ? v : undefined),
  int: (v) => (Number.isSafeInteger(v) ? v : undefined),
  string: (v) => (typeof v === 'string' && v.length <= 200 ? v : undefined),
};

export function decodeCursor<const S extends readonly CursorPart[]>(raw: string, shape: S): CursorKey<S> {
  if (raw.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(raw)) throw invalidCursor();
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parts) || parts.length !== shape.length) throw invalidCursor();
  const key = parts.map((v, i) => PARSE[shape[i]](v));
  if (key.some((v) => v === undefined)) throw invalidCursor();
  // Only the canonical spelling: a cursor is an echo of ours, not a format clients compose.
  if (encodeCursor(...(key as Array<Date | string | number>)) !== raw) throw invalidCursor();
  return key as CursorKey<S>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A page from rows fetched with limit + 1: the extra row only tells that there is a next page. */
export function pageFrom<T>(
  rows: T[],
  limit: number,
  keyOf: (last: T) => Array<Date | string | number>,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(...keyOf(last)) : null };
}

/**
 * Pages a list that is read whole (small and bounded per tenant: tools, plans, rules, endpoints) with the
 * same contract as the keyset-paginated ones, in ascending order of a unique string key (see createdKey).
 */
export function paginateInMemory<T>(
  all: T[],
  query: { limit?: number; cursor?: string },
  sortKey: (item: T) => string,
  defaultLimit = 20,
): Page<T> {
  const limit = query.limit ?? defaultLimit;
  const after = query.cursor ? decodeCursor(query.cursor, ['string'])[0] : undefined;
  const sorted = all
    .map((item) => ({ item, key: sortKey(item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .filter((e) => after === undefined || e.key > after);
  const page = pageFrom(sorted, limit, (last) => [last.key]);
  return { items: page.items.map((e) => e.item), nextCursor: page.nextCursor };
}

/** The sort key of a (createdAt, id) list as one string: ISO times sort as text. */
export const createdKey = (item: { createdAt: Date | string; id: string }): string =>
  `${item.createdAt instanceof Date ? item.createdAt.toISOString() : item.createdAt}|${item.id}`;
