import { TenantId } from '../domain/tenant-id';

/** Which collection attempt failed: Stripe's invoice `attempt_count` and the event that reported it. */
export interface PaymentAttempt {
  count?: number | null;
  stripeEventId?: string | null;
}

/**
 * What payment events (Stripe webhooks, handled in the Webhooks module) may do to invoices. InvoicingModule
 * provides it. Every method is idempotent and never moves an invoice backwards
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
  /**
   * A collection attempt failed: the subscription goes past_due and `invoice.payment_failed` is emitted,
   * naming the attempt (Stripe's `attempt_count` and the Stripe event) so each attempt can be told apart.
   */
  abstract markPaymentFailed(
    tenantId: TenantId,
    ref: { invoiceId?: string; stripeInvoiceId?: string },
    attempt?: PaymentAttempt,
  ): Promise<'recorded' | 'unchanged' | 'not_found'>;
  /** A refund of a credit note went through. */
  abstract markRefunded(tenantId: TenantId, creditNoteId: string): Promise<void>;
  /**
   * The invoice a Stripe payment intent paid: by the payment intent id stored on the invoice, else by
   * `stripeInvoiceId` (what stripeInvoiceOfPaymentIntent answered) to the Stripe invoice id stored when the
   * invoice was pushed; the payment intent id is then stored on it. Database only: never calls Stripe.
   */
  abstract invoiceOfPaymentIntent(
    paymentIntentId: string,
    stripeInvoiceId?: string | null,
  ): Promise<{ tenantId: TenantId; invoiceId: string } | null>;
  /**
   * Asks Stripe which Stripe invoice a payment intent paid (through its invoice payments; null when none or
   * payments are off). A Stripe call: made outside database transactions.
   */
  abstract stripeInvoiceOfPaymentIntent(paymentIntentId: string): Promise<string | null>;
  /** The credit note of a Stripe refund, by the refund id stored on it. */
  abstract creditNoteOfRefund(refundId: string): Promise<{ tenantId: TenantId; creditNoteId: string } | null>;
  /**
   * Asks Stripe for the refunds of a charge with their current status (charge.refunded names only the
   * charge). A Stripe call: made outside database transactions.
   */
  abstract refundsOfCharge(chargeId: string): Promise<StripeRefundState[]>;
  /**
   * A refund's status as Stripe now reports it: succeeded confirms a pending (or failed) refund, failed
   * records the reason on a pending one, pending changes nothing. Returns whether the note changed.
   */
  abstract recordRefundStatus(
    tenantId: TenantId,
    creditNoteId: string,
    refund: StripeRefundState,
  ): Promise<boolean>;
}

export interface StripeRefundState {
  id: string;
  status: 'pending' | 'succeeded' | 'failed';
  failureReason: string | null;
}
