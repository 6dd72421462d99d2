import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { BillingForInvoicing } from '../../../shared/contracts/billing-for-invoicing';
import {
  InvoicePayments,
  PaymentAttempt,
  StripeRefundState,
} from '../../../shared/contracts/invoice-payments';
import { WebhookEvents } from '../../../shared/contracts/webhook-events';
import { Clock } from '../../../shared/domain/clock.port';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Invoice } from '../domain/invoice';
import { InvoiceRepository } from '../domain/invoice.repository.port';
import { InvoiceCollector } from '../domain/invoice-collector.port';
import { invoiceEventPayload } from './invoice-events';

type Ref = { invoiceId?: string; stripeInvoiceId?: string };

/** The InvoicePayments port (used by Stripe webhook handlers): payment facts land on invoices, never backwards. */
@Injectable()
export class RecordInvoicePayment extends InvoicePayments {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly collector: InvoiceCollector,
    private readonly billing: BillingForInvoicing,
    private readonly events: WebhookEvents,
    private readonly clock: Clock,
  ) {
    super();
  }

  async tenantOfStripeInvoice(stripeInvoiceId: string): Promise<TenantId | null> {
    return (await this.invoices.findByStripeId(stripeInvoiceId))?.tenantId ?? null;
  }

  private async load(tenantId: TenantId, ref: Ref): Promise<Invoice | null> {
    if (ref.invoiceId) return this.invoices.find(tenantId, ref.invoiceId, { lock: true });
    if (!ref.stripeInvoiceId) return null;
    const found = await this.invoices.findByStripeId(ref.stripeInvoiceId);
    return found && found.tenantId === tenantId
      ? this.invoices.find(tenantId, found.id, { lock: true })
      : null;
  }

  @Transactional()
  async markPaid(
    tenantId: TenantId,
    ref: Ref,
    paidAt: Date,
  ): Promise<'paid' | 'noted' | 'unchanged' | 'not_found'> {
    const invoice = await this.load(tenantId, ref);
    if (!invoice) return 'not_found';
    if (invoice.status === 'paid' || invoice.status === 'void') return 'unchanged';
    if (invoice.status === 'draft') {
      if (!invoice.paidExternallyAt)
        await this.invoices.update(tenantId, invoice.id, { paidExternallyAt: paidAt });
      return invoice.paidExternallyAt ? 'unchanged' : 'noted';
    }
    const patch = { status: 'paid' as const, paidAt };
    await this.invoices.update(tenantId, invoice.id, patch);
    // A payment that clears an overdue or failed invoice brings the subscription back.
    if (invoice.overdueAt || invoice.paymentFailedAt)
      await this.billing.setSubscriptionStatus(tenantId, invoice.subscriptionId, 'active');
    await this.events.publish(tenantId, 'invoice.paid', invoiceEventPayload({ ...invoice, ...patch }));
    return 'paid';
  }

  @Transactional()
  async markPaymentFailed(
    tenantId: TenantId,
    ref: Ref,
    attempt: PaymentAttempt = {},
  ): Promise<'recorded' | 'unchanged' | 'not_found'> {
    const invoice = await this.load(tenantId, ref);
    if (!invoice) return 'not_found';
    if (invoice.status !== 'finalized' && invoice.status !== 'uncollectible') return 'unchanged';
    await this.invoices.update(tenantId, invoice.id, { paymentFailedAt: this.clock.now() });
    await this.billing.setSubscriptionStatus(tenantId, invoice.subscriptionId, 'past_due');
    await this.events.publish(tenantId, 'invoice.payment_failed', {
      ...invoiceEventPayload(invoice),
      attemptCount: attempt.count ?? null,
      stripeEventId: attempt.stripeEventId ?? null,
    });
    return 'recorded';
  }

  /** Only moves a refund not yet confirmed: a duplicate or late charge.refunded changes nothing. */
  async markRefunded(tenantId: TenantId, creditNoteId: string): Promise<void> {
    await this.invoices.setRefundStatus(tenantId, creditNoteId, 'succeeded', {
      from: ['pending', 'manual', 'failed'],
    });
  }

  async invoiceOfPaymentIntent(
    paymentIntentId: string,
    stripeInvoiceId?: string | null,
  ): Promise<{ tenantId: TenantId; invoiceId: string } | null> {
    const linked = await this.invoices.findByStripePaymentIntent(paymentIntentId);
    if (linked) return { tenantId: linked.tenantId, invoiceId: linked.id };
    const invoice = stripeInvoiceId ? await this.invoices.findByStripeId(stripeInvoiceId) : null;
    if (!invoice) return null;
    await this.invoices.setStripePaymentIntent(invoice.tenantId, invoice.id, paymentIntentId);
    return { tenantId: invoice.tenantId, invoiceId: invoice.id };
  }

  async creditNoteOfRefund(refundId: string): Promise<{ tenantId: TenantId; creditNoteId: string } | null> {
    const note = await this.invoices.findCreditNoteByRefundId(refundId);
    return note ? { tenantId: note.tenantId, creditNoteId: note.id } : null;
  }

  stripeInvoiceOfPaymentIntent(paymentIntentId: string): Promise<string | null> {
    return this.collector.invoiceOfPaymentIntent(paymentIntentId);
  }

  refundsOfCharge(chargeId: string): Promise<StripeRefundState[]> {
    return this.collector.refundsOfCharge(chargeId);
  }

  async recordRefundStatus(
    tenantId: TenantId,
    creditNoteId: string,
    refund: StripeRefundState,
  ): Promise<boolean> {
    if (refund.status === 'pending') return false;
    if (refund.status === 'succeeded')
      return this.invoices.setRefundStatus(tenantId, creditNoteId, 'succeeded', {
        refundId: refund.id,
        error: null,
        from: ['pending', 'manual', 'failed'],
      });
    return this.invoices.setRefundStatus(tenantId, creditNoteId, 'failed', {
      refundId: refund.id,
      error: `Stripe reported the refund as failed${refund.failureReason ? `: ${refund.failureReason}` : ''}`,
      from: ['pending'],
    });
  }
}
