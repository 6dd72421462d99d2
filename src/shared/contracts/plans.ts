import { TenantId } from '../domain/tenant-id';

/** What other modules (Agents) may ask the Billing module about plans. Provided by BillingModule (import it to inject this). */
export abstract class PlanDirectory {
  /** False when no plan with this id belongs to this tenant (callers answer 404). */
  abstract exists(tenantId: TenantId, planId: string): Promise<boolean>;
}
