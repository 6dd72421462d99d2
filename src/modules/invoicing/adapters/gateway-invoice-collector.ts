import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { GatewayRefund, PaymentGateway } from '../../../shared/contracts/payment-gateway';
import { InvalidError } from '../../../shared/domain/domain-error';
import { dec } from '../../../shared/domain/money';
import { CreditNote } from '../domain/credit-note';
import { Invoice } from '../domain/invoice';
import { InvoiceCollector, RefundOutcome } from '../domain/invoice-collector.port';

/**
 * Pushes finalized invoices to Stripe through Billing's PaymentGateway when Stripe is configured and the
 * customer is linked; otherwise they are collected manually. Credits already applied reduce the total
 * with a negative line, so the lines add up to what is due.
 */
@Injectable()
export class GatewayInvoiceCollector extends InvoiceCollector {
  constructor(
    private readonly gateway: PaymentGateway,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async collect(
    invoice: Invoice,
  ): Promise<{ method: 'stripe'; stripeInvoiceId: string } | { method: 'manual' }> {
    const stripeCustomerId = invoice.customer.stripeCustomerId;
    if (!this.gateway.enabled || !stripeCustomerId || !invoice.number) return { method: 'manual' };
    const lines = invoice.lines.map((l) => ({ description: l.description, amount: l.amount }));
    if (Number(invoice.taxTotal) !== 0) lines.push({ description: 'Tax', amount: invoice.taxTotal });
    if (Number(invoice.creditsApplied) !== 0)
      lines.push({ description: 'Credits applied', amount: `-${invoice.creditsApplied}` });
    const pushed = await this.gateway.pushInvoice({
      tenantId: invoice.tenantId,
      stripeCustomerId,
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      currency: invoice.currency,
      lines,
      total: invoice.total,
      daysUntilDue: this.config.invoicing.paymentTermsDays,
    });
    return { method: 'stripe', stripeInvoiceId: pushed.externalId };
  }

  /** The Stripe invoice a refund goes through (paid there), or null for a manual refund. */
  private refundsAtGateway(invoice: Invoice): string | null {
    return this.gateway.enabled && invoice.stripeInvoiceId && invoice.status === 'paid'
      ? invoice.stripeInvoiceId
      : null;
  }

  checkRefundable(invoice: Invoice, amount: string): void {
    if (!this.refundsAtGateway(invoice)) return;
    if (!dec(this.gateway.refundableAmount(amount, invoice.currency)).gt(0))
      throw new InvalidError(
        'refund_below_gateway_minimum',
        `A refund of ${amount} ${invoice.currency} rounds down to 0 at Stripe, which refunds only whole ` +
          `multiples of its smallest amount in that currency (never more than asked); credit it to the ` +
          `wallet instead (method "credit")`,
        [{ field: 'lines', message: 'the refund total rounds down to 0 at the payment provider' }],
      );
  }

  async refund(invoice: Invoice, note: CreditNote): Promise<RefundOutcome> {
    const externalInvoiceId = this.refundsAtGateway(invoice);
    if (!externalInvoiceId) return { method: 'manual' };
    const r = await this.gateway.refundInvoicePayment({
      tenantId: invoice.tenantId,
      externalInvoiceId,
      amount: note.total,
      currency: note.currency,
      reason: `Credit note ${note.number}: ${note.reason}`,
      idempotencyKey: `refund-${note.id}`,
      creditNoteId: note.id,
    });
    return { method: 'stripe', ...r };
  }

  invoiceOfPaymentIntent(paymentIntentId: string): Promise<string | null> {
    return this.gateway.enabled
      ? this.gateway.invoiceOfPaymentIntent(paymentIntentId)
      : Promise.resolve(null);
  }

  refundsOfCharge(chargeId: string): Promise<GatewayRefund[]> {
    return this.gateway.enabled ? this.gateway.refundsOfCharge(chargeId) : Promise.resolve([]);
  }

  async voidAtGateway(invoice: Invoice): Promise<void> {
    if (!invoice.stripeInvoiceId) return;
    await this.gateway.voidInvoice({
      tenantId: invoice.tenantId,
      externalInvoiceId: invoice.stripeInvoiceId,
      idempotencyKey: `void-${invoice.id}`,
    });
  }
}
