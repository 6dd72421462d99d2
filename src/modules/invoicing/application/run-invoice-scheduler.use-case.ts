import { Injectable } from '@nestjs/common';
import { BillingForInvoicing } from '../../../shared/contracts/billing-for-invoicing';
import { Clock } from '../../../shared/domain/clock.port';
import { InvoiceRepository } from '../domain/invoice.repository.port';
import { InvoiceJobQueue } from './invoice-job-queue';

const PAGE = 1000;

/**
 * One tick of the hourly scheduler: every subscription period that has ended gets its generate job, and
 * every draft past its grace period gets a finalize job. Ticks may overlap or repeat: job ids are
 * deterministic and the invoice's (subscription, period) key is unique.
 */
@Injectable()
export class RunInvoiceScheduler {
  constructor(
    private readonly billing: BillingForInvoicing,
    private readonly invoices: InvoiceRepository,
    private readonly jobs: InvoiceJobQueue,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<{ periodsQueued: number; draftsQueued: number }> {
    const asOf = this.clock.now();
    let periodsQueued = 0;
    let after: string | undefined;
    for (;;) {
      const page = await this.billing.dueSubscriptionPeriods(asOf, PAGE, after);
      await this.jobs.generate(page);
      periodsQueued += page.length;
      if (page.length < PAGE) break;
      after = page[page.length - 1].subscriptionId;
    }
    const drafts = await this.invoices.draftsPastGrace(asOf, 10_000);
    await this.jobs.finalize(drafts);
    return { periodsQueued, draftsQueued: drafts.length };
  }
}
