import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { DueSubscriptionPeriod } from '../../../shared/contracts/billing-for-invoicing';
import { JobQueue } from '../../../shared/queue/job-queue.port';
import { QUEUES } from '../../../shared/queue/queue-names';
import {
  finalizeJobId,
  FinalizeInvoiceJob,
  generateJobId,
  GenerateInvoiceJob,
  INVOICING_JOBS,
} from './invoicing-jobs';

/** Queues one generate-invoice job per period, under the period's deterministic job id. */
@Injectable()
export class InvoiceJobQueue {
  constructor(
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  private opts(jobId: string) {
    const { jobAttempts, jobBackoffMs } = this.config.invoicing;
    return { jobId, attempts: jobAttempts, backoff: { type: 'exponential', delay: jobBackoffMs } };
  }

  async generate(periods: DueSubscriptionPeriod[], run?: { asOf: Date; runId: string }): Promise<void> {
    if (!periods.length) return;
    await this.jobs.addBulk(
      QUEUES.invoicing,
      periods.map((p) => ({
        name: INVOICING_JOBS.generate,
        data: {
          tenantId: p.tenantId,
          subscriptionId: p.subscriptionId,
          customerId: p.customerId,
          periodStart: p.periodStart.toISOString(),
          periodEnd: p.periodEnd.toISOString(),
          ...(run ? { asOf: run.asOf.toISOString(), runId: run.runId } : {}),
        } satisfies GenerateInvoiceJob,
        opts: this.opts(generateJobId(p.subscriptionId, p.periodStart)),
      })),
    );
  }

  async finalize(invoices: { tenantId: string; id: string }[]): Promise<void> {
    if (!invoices.length) return;
    await this.jobs.addBulk(
      QUEUES.invoicing,
      invoices.map((i) => ({
        name: INVOICING_JOBS.finalize,
        data: { tenantId: i.tenantId, invoiceId: i.id } satisfies FinalizeInvoiceJob,
        opts: this.opts(finalizeJobId(i.id)),
      })),
    );
  }
}
