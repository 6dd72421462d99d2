import { assertOwnerRemains } from './member-rules';

describe('assertOwnerRemains', () => {
  it('refuses to demote or remove the last owner', () => {
    expect(() => assertOwnerRemains('owner', 'admin', 1)).toThrow(/at least one owner/);
    expect(() => assertOwnerRemains('owner', null, 1)).toThrow(/at least one owner/);
  });
  it('allows it when another owner remains, and any change of non-owners', () => {
    expect(() => assertOwnerRemains('owner', 'viewer', 2)).not.toThrow();
    expect(() => assertOwnerRemains('admin', null, 1)).not.toThrow();
    expect(() => assertOwnerRemains('owner', 'owner', 1)).not.toThrow();
  });
});
