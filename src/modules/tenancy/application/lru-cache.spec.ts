import { LruCache } from './lru-cache';

describe('LruCache', () => {
  afterEach(() => jest.useRealTimers());

  it('forgets entries after the TTL and on delete', () => {
    jest.useFakeTimers({ now: 1_000 });
    const cache = new LruCache<number>(100);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.delete('b');
    expect(cache.get('b')).toBeUndefined();
    jest.setSystemTime(1_100);
    expect(cache.get('a')).toBeUndefined();
  });

  it('evicts the oldest entry beyond its size and caches nothing with TTL 0', () => {
    const cache = new LruCache<number>(60_000, 2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
    const off = new LruCache<number>(0);
    off.set('a', 1);
    expect(off.get('a')).toBeUndefined();
  });
});
