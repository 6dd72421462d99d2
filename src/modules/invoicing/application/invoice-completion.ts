import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { BillingForInvoicing, RatedPeriod } from '../../../shared/contracts/billing-for-invoicing';
import { WebhookEvents } from '../../../shared/contracts/webhook-events';
import { Clock } from '../../../shared/domain/clock.port';
import { newId } from '../../../shared/domain/ids';
import { dec, formatMoney } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import {
  amountDue,
  creditsToApply,
  Invoice,
  InvoiceContent,
  InvoiceLine,
  numberSeries,
} from '../domain/invoice';
import { InvoiceCollector } from '../domain/invoice-collector.port';
import { InvoiceRepository } from '../domain/invoice.repository.port';
import { invoiceEventPayload } from './invoice-events';

/** A period rated for an invoice: what the draft shows, and what finalization commits. */
export interface RatedContent {
  rated: RatedPeriod;
  credits: string;
  content: InvoiceContent & Pick<Invoice, 'currency'>;
}

/**
 * The steps GenerateInvoice and FinalizeInvoice share. A draft only shows the rating; finalization
 * commits it: Billing's period commit (credits, coupons, subscription moves on) and the gapless number
 * happen in the same transaction, so late usage can still land in the period while the invoice is a draft.
 */
@Injectable()
export class InvoiceCompletion {
  private readonly logger = new Logger(InvoiceCompletion.name);

  constructor(
    private readonly billing: BillingForInvoicing,
    private readonly invoices: InvoiceRepository,
    private readonly collector: InvoiceCollector,
    private readonly events: WebhookEvents,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async rate(
    tenantId: TenantId,
    subscriptionId: string,
    period: { start: Date; end: Date },
  ): Promise<RatedContent> {
    const rated = await this.billing.ratePeriod(tenantId, subscriptionId, period);
    const credits = creditsToApply(rated);
    const lines: InvoiceLine[] = rated.lines.map((l, position) => ({
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
    }));
    return {
      rated,
      credits,
      content: {
        currency: rated.currency,
        subtotal: rated.subtotal,
        discountTotal: rated.discountTotal,
        taxRate: rated.taxRate,
        taxTotal: rated.taxTotal,
        creditsApplied: credits,
        total: amountDue(rated.totalBeforeCredits, credits, rated.currency),
        customer: rated.customer,
        outcomes: rated.outcomes,
        lines,
      },
    };
  }

  /**
   * Inside the caller's transaction: commit the period at Billing, finalize (numbered at commit). Also
   * answers the subscription's current period after the commit (null once it has ended for good).
   */
  async complete(
    invoice: Invoice,
    rating: RatedContent,
  ): Promise<{ invoice: Invoice; currentPeriod: { start: Date; end: Date } | null }> {
    const { creditsApplied, currentPeriod } = await this.billing.commitInvoicedPeriod({
      tenantId: invoice.tenantId,
      subscriptionId: invoice.subscriptionId,
      periodStart: invoice.periodStart,
      periodEnd: invoice.periodEnd,
      invoiceId: invoice.id,
      creditsToApply: rating.credits,
      couponRedemptionIds: rating.rated.couponRedemptionIds,
    });
    const applied = formatMoney(creditsApplied, invoice.currency);
    const total = amountDue(rating.rated.totalBeforeCredits, applied, invoice.currency);
    const now = this.clock.now();
    // Paid before we finalized (Stripe said so first) or nothing to pay: finalize straight into paid.
    const paid = invoice.paidExternallyAt !== null || dec(total).lte(0);
    const patch = {
      status: paid ? ('paid' as const) : ('finalized' as const),
      creditsApplied: applied,
      total,
      finalizedAt: now,
      dueAt: new Date(now.getTime() + this.config.invoicing.paymentTermsDays * 86400_000),
      paidAt: paid ? (invoice.paidExternallyAt ?? now) : null,
    };
    // The number is taken while the transaction commits (a deferred trigger), not here: the tenant's
    // counter row (gapless numbers) is then locked only for the commit itself, which is what bounds how
    // many invoices of one tenant commit per second. `announce` reads it back after the commit.
    await this.invoices.updateNumberedAtCommit(
      invoice.tenantId,
      invoice.id,
      numberSeries(this.config.invoicing.numberPrefix, now),
      patch,
    );
    return { invoice: { ...invoice, ...patch, number: null }, currentPeriod };
  }

  /** After the commit: read the number it took, tell webhook endpoints, and hand the invoice to collection. */
  async announce(finalized: Invoice): Promise<Invoice> {
    const invoice = finalized.number
      ? finalized
      : { ...finalized, number: await this.invoices.numberOf(finalized.tenantId, finalized.id) };
    await this.events.publish(invoice.tenantId, 'invoice.finalized', invoiceEventPayload(invoice));
    if (invoice.status === 'paid') {
      await this.events.publish(invoice.tenantId, 'invoice.paid', invoiceEventPayload(invoice));
      return invoice;
    }
    // Collection failing (Stripe down) leaves the invoice finalized for manual collection; it is logged.
    try {
      const result = await this.collector.collect(invoice);
      if (result.method === 'manual') return invoice;
      const patch = { collectionMethod: 'stripe' as const, stripeInvoiceId: result.stripeInvoiceId };
      await this.invoices.update(invoice.tenantId, invoice.id, patch);
      return { ...invoice, ...patch };
    } catch (error) {
      this.logger.warn(
        { err: error, invoiceId: invoice.id },
        'collection through Stripe failed; left for manual collection',
      );
      return invoice;
    }
  }
}
