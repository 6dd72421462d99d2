import { TenantId } from '../../../shared/domain/tenant-id';

/** What a series can be split by; 'total' is the tenant's whole usage. */
export const DIMENSIONS = ['agent', 'customer', 'model', 'api_key'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const INTERVALS = ['hour', 'day', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

/** What top-N ranks groups by. */
export const RANKINGS = ['requests', 'tokens', 'cost', 'revenue', 'margin'] as const;
export type Ranking = (typeof RANKINGS)[number];

/** Sums over some hours. Counts are numbers (far below 2^53); money is decimal strings. */
export interface UsageTotals {
  requests: number;
  failedRequests: number;
  promptTokens: number;
  completionTokens: number;
  cost: string;
  revenue: string;
}

/** One bucket of one group, as the read model returns it; key null = none (or the rest, when `other`). */
export interface BucketRow extends UsageTotals {
  bucket: Date;
  key: string | null;
  other: boolean;
}

export interface GroupRow extends UsageTotals {
  key: string | null;
  other: boolean;
}

export interface RangeQuery {
  from: Date;
  to: Date;
  /** null = the tenant's total. */
  groupBy: Dimension | null;
  top: number;
  rankBy: Ranking;
}

/** The hourly analytics rollup (usage_analytics_hourly); never raw usage. */
export abstract class UsageAnalyticsReader {
  abstract timezoneOf(tenantId: TenantId): Promise<string>;
  /** Buckets start at date_trunc(interval) in `timezone`; groups beyond `top` are summed as `other`. */
  abstract buckets(
    tenantId: TenantId,
    q: RangeQuery & { interval: Interval; timezone: string },
  ): Promise<BucketRow[]>;
  /** The top groups over the range, best first, then the rest summed as `other` (if any). */
  abstract groups(tenantId: TenantId, q: RangeQuery): Promise<GroupRow[]>;
  /** Display names: agent and API key names, customer names (models are their own name). */
  abstract labels(tenantId: TenantId, dimension: Dimension, keys: string[]): Promise<Map<string, string>>;
}
