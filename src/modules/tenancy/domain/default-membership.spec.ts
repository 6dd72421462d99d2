import { asTenantId } from '../../../shared/domain/tenant-id';
import { defaultMembership } from '../../../shared/contracts/memberships';

const m = (id: string, isDefault = false) => ({
  tenantId: asTenantId(`00000000-0000-4000-8000-00000000000${id}`),
  role: 'member' as const,
  isDefault,
});

describe('defaultMembership', () => {
  it('is the chosen one while the user is still a member of it', () => {
    expect(defaultMembership([m('1'), m('2', true)])).toEqual(m('2', true));
  });
  it('is the first joined when none is chosen (or the chosen one was left)', () => {
    expect(defaultMembership([m('1'), m('2')])).toEqual(m('1'));
  });
  it('is none without memberships', () => {
    expect(defaultMembership([])).toBeUndefined();
  });
});
