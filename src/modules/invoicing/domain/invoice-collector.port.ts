import { CreditNote } from './credit-note';
import { Invoice } from './invoice';

/** Collecting a finalized invoice: pushed to Stripe when the customer is linked there, else manual. */
export abstract class InvoiceCollector {
  /** Uses the customer snapshot on the invoice (its stripeCustomerId decides). */
  abstract collect(
    invoice: Invoice,
  ): Promise<{ method: 'stripe'; stripeInvoiceId: string } | { method: 'manual' }>;
  /** Refund of a credit note on a Stripe-collected invoice; 'manual' when there is nothing to refund through. */
  abstract refund(invoice: Invoice, note: CreditNote): Promise<'pending' | 'manual'>;
}
