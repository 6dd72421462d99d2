import { jsonDepthExceeds, unstorableFields } from './input-guards';

describe('jsonDepthExceeds', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(jsonDepthExceeds('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(jsonDepthExceeds(JSON.stringify({ s: '[[[[[[{{{{\\"' }), 1)).toBe(false);
    expect(jsonDepthExceeds('['.repeat(100_000), 32)).toBe(true);
  });
});

describe('unstorableFields', () => {
  it('names every field holding a NUL or an unpaired surrogate, in body, query and path', () => {
    const fields = unstorableFields({
      body: { name: 'a\u0000', ok: 'emoji \ud83d\ude00', items: [{ note: 'x\udc00' }], ['k\u0000']: 1 },
      query: { cursor: '\ud800' },
      params: { id: 'fine' },
    }).map((v) => v.field);
    expect(fields).toEqual(['query.cursor', 'name', 'items[0].note', 'k\u0000']);
  });

  it('accepts well-formed text', () => {
    expect(
      unstorableFields({ body: { a: ['héllo', '日本', '\ud83d\ude00'] }, query: {}, params: {} }),
    ).toEqual([]);
  });
});
