import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { AppConfig } from '../../../config/app-config';
import { DueSubscriptionPeriod } from '../../../shared/contracts/billing-for-invoicing';
import { Clock } from '../../../shared/domain/clock.port';
import { newId } from '../../../shared/domain/ids';
import { formatMoney } from '../../../shared/domain/money';
import { Invoice } from '../domain/invoice';
import { InvoiceRepository } from '../domain/invoice.repository.port';
import { FinalizeInvoice } from './finalize-invoice.use-case';
import { InvoiceCompletion } from './invoice-completion';

/**
 * Invoices one subscription period, exactly once. The rating and the invoice with its lines are written in
 * one transaction; the (subscription, period start) unique key turns a second writer (a retry after a
 * crash, a racing worker) into a no-op that returns the first invoice. Within the grace period the invoice
 * stays a draft (re-rated when finalized, so late usage still lands); once the grace period is over the same
 * transaction also commits the period and numbers the invoice.
 */
@Injectable()
export class GenerateInvoice {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly completion: InvoiceCompletion,
    private readonly finalizeInvoice: FinalizeInvoice,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async execute(period: DueSubscriptionPeriod): Promise<Invoice> {
    return (await this.generate(period)).invoice;
  }

  /**
   * Like execute; when this call committed the period it also answers the subscription's current period
   * after the commit (null: ended for good), so a run catching up needs no second read of it.
   */
  async generate(
    period: DueSubscriptionPeriod,
  ): Promise<{ invoice: Invoice; currentPeriod?: { start: Date; end: Date } | null }> {
    const existing = await this.invoices.findByPeriod(
      period.tenantId,
      period.subscriptionId,
      period.periodStart,
    );
    if (existing) return { invoice: await this.finalizeIfDue(existing) };
    const { invoice, finalized, currentPeriod } = await this.write(period);
    if (finalized) return { invoice: await this.completion.announce(invoice), currentPeriod };
    return { invoice: await this.finalizeIfDue(invoice) };
  }

  private finalizeIfDue(invoice: Invoice): Promise<Invoice> | Invoice {
    return invoice.status === 'draft' && invoice.graceUntil <= this.clock.now()
      ? this.finalizeInvoice.execute(invoice.tenantId, invoice.id)
      : invoice;
  }

  @Transactional()
  private async write(p: DueSubscriptionPeriod): Promise<{
    invoice: Invoice;
    finalized: boolean;
    currentPeriod?: { start: Date; end: Date } | null;
  }> {
    const period = { start: p.periodStart, end: p.periodEnd };
    const rating = await this.completion.rate(p.tenantId, p.subscriptionId, period);
    const now = this.clock.now();
    const invoice: Invoice = {
      id: newId(),
      tenantId: p.tenantId,
      subscriptionId: p.subscriptionId,
      customerId: p.customerId,
      status: 'draft',
      number: null,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      ...rating.content,
      amountCredited: formatMoney(0, rating.content.currency),
      graceUntil: new Date(p.periodEnd.getTime() + this.config.invoicing.gracePeriodHours * 3600_000),
      finalizedAt: null,
      dueAt: null,
      paidAt: null,
      voidedAt: null,
      overdueAt: null,
      paymentFailedAt: null,
      collectionMethod: 'manual',
      stripeInvoiceId: null,
      paidExternallyAt: null,
      createdAt: now,
    };
    if (!(await this.invoices.insertIfAbsent(invoice))) {
      const winner = await this.invoices.findByPeriod(p.tenantId, p.subscriptionId, p.periodStart);
      if (winner) return { invoice: winner, finalized: false };
      throw new Error(
        `invoice for subscription ${p.subscriptionId} period ${p.periodStart.toISOString()} vanished`,
      );
    }
    if (invoice.graceUntil > now) return { invoice, finalized: false };
    return { ...(await this.completion.complete(invoice, rating)), finalized: true };
  }
}
