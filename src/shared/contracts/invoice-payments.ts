import { TenantId } from '../domain/tenant-id';

/**
 * What payment events (Stripe webhooks, handled in the Webhooks module) may do to invoices. Invoicing
 * provides it globally. Every method is idempotent and never moves an invoice backwards
 * (paid/void stay paid/void).
 */
export abstract class InvoicePayments {
  /** Tenant of the invoice linked to this Stripe invoice id (null if none). */
  abstract tenantOfStripeInvoice(stripeInvoiceId: string): Promise<TenantId | null>;
  /** Payment confirmed. A draft invoice remembers it and ends `paid` when finalized. */
  abstract markPaid(
    tenantId: TenantId,
    ref: { invoiceId?: string; stripeInvoiceId?: string },
    paidAt: Date,
  ): Promise<'paid' | 'noted' | 'unchanged' | 'not_found'>;
  /** A collection attempt failed: the subscription goes past_due and `invoice.payment_failed` is emitted. */
  abstract markPaymentFailed(
    tenantId: TenantId,
    ref: { invoiceId?: string; stripeInvoiceId?: string },
  ): Promise<'recorded' | 'unchanged' | 'not_found'>;
  /** A refund of a credit note went through. */
  abstract markRefunded(tenantId: TenantId, creditNoteId: string): Promise<void>;
}
