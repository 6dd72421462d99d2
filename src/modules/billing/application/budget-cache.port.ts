import { TenantId } from '../../../shared/domain/tenant-id';

/** Cached budgets (spend caps, prepaid credit limits) on the chat path; dropped when their inputs change. */
export abstract class BudgetCache {
  abstract invalidate(tenantId: TenantId, customer: { id: string; externalId: string | null }): Promise<void>;
  abstract invalidateApiKey(tenantId: TenantId, apiKeyId: string): Promise<void>;
}
