import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { AppConfig } from '../../../config/app-config';
import { BillingForInvoicing, DueSubscriptionPeriod } from '../../../shared/contracts/billing-for-invoicing';
import { WebhookEvents } from '../../../shared/contracts/webhook-events';
import { Clock } from '../../../shared/domain/clock.port';
import { newId } from '../../../shared/domain/ids';
import { amountDue, creditsToApply, Invoice } from '../domain/invoice';
import { InvoiceRepository } from '../domain/invoice.repository.port';
import { FinalizeInvoice } from './finalize-invoice.use-case';
import { invoiceEventPayload } from './invoice-events';

/**
 * Invoices one subscription period, exactly once: rating, credits, coupons, the invoice and its lines are
 * written in one transaction, and the (subscription, period start) unique key turns a second writer
 * (a retry after a crash, a racing worker) into a no-op that returns the first invoice.
 * The invoice stays draft during the grace period; once it has passed it is finalized straight away.
 */
@Injectable()
export class GenerateInvoice {
  constructor(
    private readonly billing: BillingForInvoicing,
    private readonly invoices: InvoiceRepository,
    private readonly finalizeInvoice: FinalizeInvoice,
    private readonly events: WebhookEvents,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async execute(period: DueSubscriptionPeriod): Promise<Invoice> {
    const { invoice, created } = await this.writeDraft(period);
    if (created) await this.events.publish(invoice.tenantId, 'invoice.created', invoiceEventPayload(invoice));
    if (invoice.status === 'draft' && invoice.graceUntil <= this.clock.now())
      return this.finalizeInvoice.execute(invoice.tenantId, invoice.id);
    return invoice;
  }

  @Transactional()
  private async writeDraft(p: DueSubscriptionPeriod): Promise<{ invoice: Invoice; created: boolean }> {
    const existing = await this.invoices.findByPeriod(p.tenantId, p.subscriptionId, p.periodStart);
    if (existing) return { invoice: existing, created: false };

    const rated = await this.billing.ratePeriod(p.tenantId, p.subscriptionId, { start: p.periodStart, end: p.periodEnd });
    const customer = await this.billing.findCustomer(p.tenantId, p.customerId);
    const credits = creditsToApply(rated);
    const id = newId();
    const graceUntil = new Date(p.periodEnd.getTime() + this.config.invoicing.gracePeriodHours * 3600_000);
    const inserted = await this.invoices.insertIfAbsent({
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
    });
    if (!inserted) {
      const winner = await this.invoices.findByPeriod(p.tenantId, p.subscriptionId, p.periodStart);
      if (winner) return { invoice: winner, created: false };
      throw new Error(`invoice for subscription ${p.subscriptionId} period ${p.periodStart.toISOString()} vanished`);
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
    if (creditsApplied !== credits)
      await this.invoices.update(p.tenantId, id, {
        creditsApplied,
        total: amountDue(rated.totalBeforeCredits, creditsApplied, rated.currency),
      });
    return { invoice: (await this.invoices.find(p.tenantId, id))!, created: true };
  }
}
