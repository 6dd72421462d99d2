import { DomainError } from '../domain/domain-error';
import { decodeCursor, encodeCursor, paginateInMemory } from './cursor';

const at = new Date('2026-11-22T10:00:00.000Z');
const id = '0b6f3c1e-7f3a-4a8b-9a43-0f3f2f6f7a10';

const refused = (raw: string, shape: Parameters<typeof decodeCursor>[1]) => {
  try {
    decodeCursor(raw, shape);
  } catch (e) {
    return e instanceof DomainError && e.kind === 'invalid' && e.code === 'invalid_cursor';
  }
  return false;
};

describe('cursor codec', () => {
  it('round-trips the key of its shape', () => {
    expect(decodeCursor(encodeCursor(at, id), ['timestamp', 'uuid'])).toEqual([at, id]);
    expect(decodeCursor(encodeCursor(42), ['int'])).toEqual([42]);
  });

  it('refuses anything it did not write: tampered, wrong shape, non-canonical, oversized', () => {
    const good = encodeCursor(at, id);
    expect(refused(good.slice(0, -2) + 'xx', ['timestamp', 'uuid'])).toBe(true);
    expect(refused(good, ['timestamp', 'uuid', 'int'])).toBe(true);
    expect(refused(encodeCursor('2026-11-22', id), ['timestamp', 'uuid'])).toBe(true);
    expect(refused(encodeCursor(at, "x' OR 1=1"), ['timestamp', 'uuid'])).toBe(true);
    expect(refused(encodeCursor(1.5), ['int'])).toBe(true);
    expect(refused(good + '=', ['timestamp', 'uuid'])).toBe(true);
    expect(refused(Buffer.from(' [1]').toString('base64url'), ['int'])).toBe(true);
    expect(refused('not a cursor!', ['int'])).toBe(true);
    expect(refused('A'.repeat(600), ['string'])).toBe(true);
  });

  it('pages a whole list with the same contract', () => {
    const all = ['c', 'a', 'e', 'b', 'd'].map((name) => ({ name }));
    const first = paginateInMemory(all, { limit: 2 }, (x) => x.name);
    expect(first.items.map((x) => x.name)).toEqual(['a', 'b']);
    const second = paginateInMemory(all, { limit: 2, cursor: first.nextCursor! }, (x) => x.name);
    expect(second.items.map((x) => x.name)).toEqual(['c', 'd']);
    const last = paginateInMemory(all, { limit: 2, cursor: second.nextCursor! }, (x) => x.name);
    expect(last).toEqual({ items: [{ name: 'e' }], nextCursor: null });
  });
});
