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
  /** Voids the invoice at the gateway when it was pushed there (no-op otherwise). Idempotent. */
  abstract voidAtGateway(invoice: Invoice): Promise<void>;
}
