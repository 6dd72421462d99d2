import { CreditNote } from './credit-note';
import { Invoice } from './invoice';

export type RefundOutcome =
  { method: 'manual' } | { method: 'stripe'; refundId: string; status: 'pending' | 'succeeded' | 'failed' };

/** Collecting a finalized invoice: pushed to Stripe when the customer is linked there, else manual. */
export abstract class InvoiceCollector {
  /** Uses the customer snapshot on the invoice (its stripeCustomerId decides). */
  abstract collect(
    invoice: Invoice,
  ): Promise<{ method: 'stripe'; stripeInvoiceId: string } | { method: 'manual' }>;
  /**
   * Refund of a credit note through the gateway when the invoice was paid there; 'manual' otherwise.
   * Idempotent per credit note: calling it again never refunds twice.
   */
  abstract refund(invoice: Invoice, note: CreditNote): Promise<RefundOutcome>;
  /**
   * Throws an InvalidError when a refund of `amount` on this invoice would go through the gateway and move
   * nothing there (below the gateway's smallest increment in the currency, after its rounding rule).
   */
  abstract checkRefundable(invoice: Invoice, amount: string): void;
  /** Voids the invoice at the gateway when it was pushed there (no-op otherwise). Idempotent. */
  abstract voidAtGateway(invoice: Invoice): Promise<void>;
  /** The gateway invoice id a payment intent paid (null when none or payments are off). */
  abstract invoiceOfPaymentIntent(paymentIntentId: string): Promise<string | null>;
  /** The refunds of a gateway charge with their status (empty when payments are off). */
  abstract refundsOfCharge(
    chargeId: string,
  ): Promise<{ id: string; status: 'pending' | 'succeeded' | 'failed'; failureReason: string | null }[]>;
}
