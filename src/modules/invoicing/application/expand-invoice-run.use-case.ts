import { Injectable } from '@nestjs/common';
import { BillingForInvoicing } from '../../../shared/contracts/billing-for-invoicing';
import { TenantId } from '../../../shared/domain/tenant-id';
import { InvoiceRunRepository } from '../domain/invoice-run.repository.port';
import { InvoiceJobQueue } from './invoice-job-queue';

const PAGE = 1000;

/** The expand-run job: records the run's due periods page by page and queues one invoice job for each. */
@Injectable()
export class ExpandInvoiceRun {
  constructor(
    private readonly runs: InvoiceRunRepository,
    private readonly billing: BillingForInvoicing,
    private readonly jobs: InvoiceJobQueue,
  ) {}

  async execute(tenantId: TenantId, runId: string): Promise<void> {
    const run = await this.runs.find(tenantId, runId);
    if (!run || run.expandedAt) return;
    let after: string | undefined;
    for (;;) {
      const page = await this.billing.dueSubscriptionPeriodsOfTenant(tenantId, run.asOf, PAGE, after);
      await this.runs.addItems(tenantId, runId, page);
      await this.jobs.generate(page, { asOf: run.asOf, runId });
      if (page.length < PAGE) break;
      after = page[page.length - 1].subscriptionId;
    }
    await this.runs.markExpanded(tenantId, runId);
  }
}
