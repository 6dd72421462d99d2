import { TenantId } from '../../../shared/domain/tenant-id';

export interface InvoiceRun {
  id: string;
  tenantId: TenantId;
  asOf: Date;
  expandedAt: Date | null;
  jobsTotal: number;
  jobsDone: number;
  jobsFailed: number;
  createdAt: Date;
}

export interface RunItem {
  subscriptionId: string;
  periodStart: Date;
}

export abstract class InvoiceRunRepository {
  abstract insert(run: { id: string; tenantId: TenantId; asOf: Date }): Promise<void>;
  abstract find(tenantId: TenantId, id: string): Promise<InvoiceRun | null>;
  /** Adds items to a run; periods invoiced already are recorded as done at once. */
  abstract addItems(tenantId: TenantId, runId: string, items: RunItem[]): Promise<void>;
  abstract markExpanded(tenantId: TenantId, runId: string): Promise<void>;
  /** Progress of every run waiting for this period's job. */
  abstract markItems(item: RunItem, status: 'done' | 'failed', error?: string): Promise<void>;
}
