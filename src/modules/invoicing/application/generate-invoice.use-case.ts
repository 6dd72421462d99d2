import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { AppConfig } from '../../../config/app-config';
import { BillingForInvoicing, DueSubscriptionPeriod } from '../../../shared/contracts/billing-for-invoicing';
import { Clock } from '../../../shared/domain/clock.port';
import { newId } from '../../../shared/domain/ids';
import { amountDue, creditsToApply, Invoice } from '../domain/invoice';
import { InvoiceRepository, NewInvoice } from '../domain/invoice.repository.port';
import { dec, formatMoney } from '../../../shared/domain/money';
import { FinalizeInvoice } from './finalize-invoice.use-case';

/**
 * Invoices one subscription period, exactly once: rating, credits, coupons, the invoice and its lines are
 * written in one transaction, and the (subscription, period start) unique key turns a second writer
 * (a retry after a crash, a racing worker) into a no-op that returns the first invoice. Rating is
 * read-only, so a duplicate job only costs a wasted rating (no lookup first: the hot path stays short).
 * The invoice stays draft during the grace period; once it has passed it is finalized straight away.
 */
@Injectable()
export class GenerateInvoice {
  constructor(
    private readonly billing: BillingForInvoicing,
    private readonly invoices: InvoiceRepository,
    private readonly finalizeInvoice: FinalizeInvoice,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async execute(period: DueSubscriptionPeriod): Promise<Invoice> {
    const { invoice } = await this.writeDraft(period);
    if (invoice.status === 'draft' && invoice.graceUntil <= this.clock.now())
      return this.finalizeInvoice.execute(invoice.tenantId, invoice.id);
    return invoice;
  }

  @Transactional()
  private async writeDraft(p: DueSubscriptionPeriod): Promise<{ invoice: Invoice; created: boolean }> {
    const rated = await this.billing.ratePeriod(p.tenantId, p.subscriptionId, {
      start: p.periodStart,
      end: p.periodEnd,
    });
    const customer = await this.billing.findCustomer(p.tenantId, p.customerId);
    const credits = creditsToApply(rated);
    const id = newId();
    const graceUntil = new Date(p.periodEnd.getTime() + this.config.invoicing.gracePeriodHours * 3600_000);
    const draft: NewInvoice = {
      id,
      tenantId: p.tenantId,
      subscriptionId: p.subscriptionId,
      customerId: p.customerId,
      status: 'draft',
      currency: rated.currency,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      subtotal: rated.subtotal,
      discountTotal: rated.discountTotal,
      taxRate: rated.taxRate,
      taxTotal: rated.taxTotal,
      creditsApplied: credits,
      total: amountDue(rated.totalBeforeCredits, credits, rated.currency),
      customer: customer ?? { id: p.customerId },
      outcomes: rated.outcomes,
      graceUntil,
      lines: rated.lines.map((l, position) => ({
        id: newId(),
        position,
        kind: l.kind,
        description: l.description,
        quantity: l.quantity,
        unitAmount: l.unitAmount,
        amount: l.amount,
        chargeId: l.chargeId ?? null,
        metricCode: l.metricCode ?? null,
        metadata: l.metadata ?? {},
      })),
    };
    if (!(await this.invoices.insertIfAbsent(draft))) {
      const winner = await this.invoices.findByPeriod(p.tenantId, p.subscriptionId, p.periodStart);
      if (winner) return { invoice: winner, created: false };
      throw new Error(
        `invoice for subscription ${p.subscriptionId} period ${p.periodStart.toISOString()} vanished`,
      );
    }

    const { creditsApplied } = await this.billing.commitInvoicedPeriod({
      tenantId: p.tenantId,
      subscriptionId: p.subscriptionId,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      invoiceId: id,
      creditsToApply: credits,
      couponRedemptionIds: rated.couponRedemptionIds,
    });
    const invoice: Invoice = {
      ...draft,
      number: null,
      amountCredited: formatMoney(0, rated.currency),
      collectionMethod: 'manual',
      stripeInvoiceId: null,
      finalizedAt: null,
      dueAt: null,
      paidAt: null,
      voidedAt: null,
      overdueAt: null,
      paymentFailedAt: null,
      paidExternallyAt: null,
      createdAt: this.clock.now(),
    };
    if (dec(creditsApplied).eq(credits)) return { invoice, created: true };
    const patch = {
      creditsApplied,
      total: amountDue(rated.totalBeforeCredits, creditsApplied, rated.currency),
    };
    await this.invoices.update(p.tenantId, id, patch);
    return { invoice: { ...invoice, ...patch }, created: true };
  }
}
