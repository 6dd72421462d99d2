import { TenantId } from '../../../shared/domain/tenant-id';
import { Aggregation } from './usage-event';

export interface BillableMetric {
  id: string;
  tenantId: TenantId;
  code: string;
  name: string;
  aggregation: Aggregation;
  /** Event property aggregated (not needed for count). */
  field: string | null;
  /** Equality filters on event properties: only matching events count. */
  filters: Record<string, string | number | boolean>;
  /** Events may carry negative values (corrections, refunds of usage); other metrics refuse them. */
  allowsCorrections: boolean;
  createdAt: Date;
}

export abstract class MetricRepository {
  /** False when the code is taken in this tenant. */
  abstract insert(metric: BillableMetric): Promise<boolean>;
  /** Inserts if missing (built-in metrics), then returns the tenant's metric with that code. */
  abstract ensure(metric: BillableMetric): Promise<BillableMetric>;
  abstract find(tenantId: TenantId, id: string): Promise<BillableMetric | null>;
  abstract findByCodes(tenantId: TenantId, codes: string[]): Promise<BillableMetric[]>;
  abstract list(tenantId: TenantId): Promise<BillableMetric[]>;
}

export interface EventRow {
  eventId: string;
  customerId: string | null;
  metricId: string;
  agentId: string | null;
  ts: Date;
  occurredAt: Date;
  value: string | null;
  properties: Record<string, unknown>;
  late: boolean;
}

export interface Aggregate {
  quantity: string;
  events: number;
}

export interface SummaryRow {
  metricCode: string;
  aggregation: Aggregation;
  agentId?: string | null;
  day?: string;
  value: string;
  events: number;
}

export abstract class UsageRepository {
  /** One write per chunk; returns the event ids actually inserted (the rest were duplicates). */
  abstract insertEvents(tenantId: TenantId, rows: EventRow[]): Promise<Set<string>>;
  abstract aggregate(
    tenantId: TenantId,
    customerId: string,
    metric: BillableMetric,
    period: { start: Date; end: Date },
  ): Promise<Aggregate>;
  abstract summary(
    tenantId: TenantId,
    q: { customerId: string; from: Date; to: Date; groupBy: 'metric' | 'agent' | 'day'; timezone: string },
  ): Promise<SummaryRow[]>;
  /** Sum over the period's events of each event's percentage fee, clamped per transaction. */
  abstract perTransactionTotal(
    tenantId: TenantId,
    customerId: string,
    metric: BillableMetric,
    period: { start: Date; end: Date },
    price: { rate: string; perTransactionMin?: string; perTransactionMax?: string },
  ): Promise<string>;
  /** Sum of the `cost` property of the customer's events on the given metrics in a period (spend so far). */
  abstract costSpent(
    tenantId: TenantId,
    customerId: string,
    metricIds: string[],
    from: Date,
    to: Date,
  ): Promise<string>;
  abstract agentActivity(tenantId: TenantId, agentId: string): Promise<{ events: number; quantity: string }>;
}
