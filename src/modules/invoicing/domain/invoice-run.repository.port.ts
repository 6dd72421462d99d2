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
  /** Adds items to a run; an item is done once its period has an invoice (whoever wrote it). */
  abstract addItems(tenantId: TenantId, runId: string, items: RunItem[]): Promise<void>;
  abstract markExpanded(tenantId: TenantId, runId: string): Promise<void>;
  /** The period's job failed for good: every run waiting for it shows the failure. */
  abstract markFailed(item: RunItem, error: string): Promise<void>;
}
