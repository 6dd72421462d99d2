import { isSelfReferral, normalizeCode } from './referral';

describe('referral rules', () => {
  const party = (id: string, email: string | null = null, externalId: string | null = null) => ({
    id,
    email,
    externalId,
  });

  it('refuses a customer referring itself, or the same email or external id behind two customers', () => {
    expect(isSelfReferral(party('a'), party('a'))).toBe(true);
    expect(isSelfReferral(party('a', 'Ops@Acme.test'), party('b', 'ops@acme.test'))).toBe(true);
    expect(isSelfReferral(party('a', null, 'acme'), party('b', null, 'acme'))).toBe(true);
    expect(isSelfReferral(party('a', 'x@a.test', 'acme'), party('b', 'y@b.test', 'beta'))).toBe(false);
    expect(isSelfReferral(party('a'), party('b'))).toBe(false);
  });

  it('keeps codes upper-case and refuses malformed ones', () => {
    expect(normalizeCode(' acme-7qk2 ')).toBe('ACME-7QK2');
    expect(() => normalizeCode('abc')).toThrow(/4-32/);
    expect(() => normalizeCode('has space')).toThrow(/4-32/);
    expect(() => normalizeCode('x'.repeat(33))).toThrow(/4-32/);
  });
});
