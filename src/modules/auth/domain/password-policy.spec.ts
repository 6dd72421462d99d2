import { assertPasswordAllowed } from './password-policy';

describe('password policy', () => {
  it('needs at least 10 characters', () => {
    expect(() => assertPasswordAllowed('short-pw1', 'a@b.test')).toThrow(/at least 10/);
    expect(() => assertPasswordAllowed('long-enough-pw', 'a@b.test')).not.toThrow();
  });
  it('refuses the email or its local part in any case', () => {
    expect(() => assertPasswordAllowed('Jane.Doe@Example.test', 'jane.doe@example.test')).toThrow(/email/);
    expect(() => assertPasswordAllowed('JANE.DOE.LONG', 'jane.doe.long@example.test')).toThrow(/email/);
  });
});
