import { Budget, BudgetSource, SpendScope } from '../../src/shared/contracts/metering';
import { TestApp } from './test-app';

/** A spend cap of `limit` USD with `spent` spent (nothing by default) and an hour left in its period. */
export const spendCap = (key: string, limit: string, spent = '0'): Budget => ({
  key,
  limit,
  spent,
  currency: 'USD',
  ttlSeconds: 3600,
  reason: 'spend_cap_exceeded',
});

/**
 * Makes the app's Billing port (BudgetSource) answer `budget` for every call of one tenant; other tenants
 * keep what Billing says for them.
 */
export function capTenant(t: Pick<TestApp, 'app'>, tenantId: string, budget: Budget): void {
  const source = t.app.get(BudgetSource);
  const original = source.budgetsFor.bind(source);
  source.budgetsFor = async (scope: SpendScope) => (scope.tenantId === tenantId ? [budget] : original(scope));
}
