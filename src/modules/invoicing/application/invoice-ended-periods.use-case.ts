import { Injectable } from '@nestjs/common';
import { BillingForInvoicing, DueSubscriptionPeriod } from '../../../shared/contracts/billing-for-invoicing';
import { Invoice } from '../domain/invoice';
import { InvoiceRunRepository } from '../domain/invoice-run.repository.port';
import { GenerateInvoice } from './generate-invoice.use-case';

/** A start date is at most a year back, so even monthly periods stay far below this. */
const MAX_PERIODS_PER_JOB = 120;

/**
 * Invoices a subscription period, then each later period that has also ended by `asOf`, oldest first: a
 * subscription left behind (worker down over a weekend) catches up in one run. Each period goes through
 * GenerateInvoice, so each is invoiced once (its unique key), and a retry resumes where it stopped.
 * A period left as a draft (grace period) keeps the subscription there; catching up stops at it.
 */
@Injectable()
export class InvoiceEndedPeriods {
  constructor(
    private readonly generateInvoice: GenerateInvoice,
    private readonly billing: BillingForInvoicing,
    private readonly runs: InvoiceRunRepository,
  ) {}

  async execute(first: DueSubscriptionPeriod, asOf: Date, runId?: string): Promise<Invoice[]> {
    const invoices: Invoice[] = [];
    let period = first;
    for (let i = 0; i < MAX_PERIODS_PER_JOB; i++) {
      const { invoice, currentPeriod } = await this.generateInvoice.generate(period);
      invoices.push(invoice);
      // The period this call committed says where the subscription is now; otherwise it is read.
      const next =
        currentPeriod === undefined
          ? await this.billing.duePeriodOf(period.tenantId, period.subscriptionId, asOf)
          : currentPeriod && currentPeriod.end <= asOf
            ? { ...period, periodStart: currentPeriod.start, periodEnd: currentPeriod.end }
            : null;
      if (!next || next.periodStart.getTime() <= period.periodStart.getTime()) break;
      if (runId)
        await this.runs.addItems(next.tenantId, runId, [
          { subscriptionId: next.subscriptionId, periodStart: next.periodStart },
        ]);
      period = next;
    }
    return invoices;
  }
}
