/** Job names, payloads and deterministic ids of the invoicing and outcome-verification queues. */
export const INVOICING_JOBS = {
  scheduleRun: 'schedule-invoice-run',
  expandRun: 'expand-invoice-run',
  generate: 'generate-invoice',
  finalize: 'finalize-invoice',
  markOverdue: 'mark-overdue-invoices',
} as const;

export const VERIFY_OUTCOME_JOB = 'verify-outcome';

export interface GenerateInvoiceJob {
  tenantId: string;
  subscriptionId: string;
  customerId: string;
  periodStart: string;
  periodEnd: string;
  /** Later periods that ended by then are invoiced by the same job (catch-up); default: when it runs. */
  asOf?: string;
  /** The manual run that queued it: caught-up periods are added to the run's items. */
  runId?: string;
}

export interface FinalizeInvoiceJob {
  tenantId: string;
  invoiceId: string;
}

export interface ExpandRunJob {
  tenantId: string;
  runId: string;
}

// BullMQ custom ids must not contain ':'; the same period always maps to the same id, so a second
// scheduler tick or a manual run cannot queue it twice while the first job is known to BullMQ.
export const generateJobId = (subscriptionId: string, periodStart: Date): string =>
  `inv_${subscriptionId}_${periodStart.getTime()}`;
export const finalizeJobId = (invoiceId: string): string => `fin_${invoiceId}`;
export const expandRunJobId = (runId: string): string => `run_${runId}`;
