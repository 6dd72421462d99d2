import { TenantId } from '../domain/tenant-id';

/**
 * What Analytics needs from Billing for each chat call: the Tollgate customer it is billed to and the
 * revenue the customer's plan rates it at. Chat's usage worker asks once per batch and stores both with
 * the call, so the hourly analytics rollup never has to re-rate.
 */
export interface UsageToRate {
  id: string;
  tenantId: TenantId;
  customer: { id?: string; externalId?: string } | null;
  promptTokens: number;
  completionTokens: number;
  /** 1 for a completed call (the agent_requests metric), else 0. */
  requests: number;
  currency: string;
}

export interface RatedUsage {
  customerId: string | null;
  /** Decimal string in the call's currency. */
  revenue: string;
}

export abstract class UsageRevenueRater {
  /** Keyed by UsageToRate.id; a call missing from the map has no customer and no revenue. */
  abstract rate(items: UsageToRate[]): Promise<Map<string, RatedUsage>>;
}
