import { TenantId } from '../../../shared/domain/tenant-id';
import { CreditNote } from './credit-note';
import { Invoice, InvoiceContent, InvoiceStatus } from './invoice';

export type NewInvoice = Omit<
  Invoice,
  | 'number'
  | 'finalizedAt'
  | 'dueAt'
  | 'paidAt'
  | 'voidedAt'
  | 'overdueAt'
  | 'paymentFailedAt'
  | 'stripeInvoiceId'
  | 'paidExternallyAt'
  | 'createdAt'
  | 'amountCredited'
  | 'collectionMethod'
>;

/** A credit note before its commit: the number is taken while the transaction commits. */
export type NewCreditNote = Omit<CreditNote, 'number'>;

export interface InvoicePage {
  items: Invoice[];
  nextCursor: string | null;
}

export abstract class InvoiceRepository {
  /**
   * Writes the invoice and its lines unless the (subscription, period start) already has one: returns
   * false then (another worker won, or this period was invoiced before).
   */
  abstract insertIfAbsent(invoice: NewInvoice): Promise<boolean>;
  abstract findByPeriod(
    tenantId: TenantId,
    subscriptionId: string,
    periodStart: Date,
  ): Promise<Invoice | null>;
  abstract find(tenantId: TenantId, id: string, opts?: { lock?: boolean }): Promise<Invoice | null>;
  abstract findByStripeId(stripeInvoiceId: string): Promise<Invoice | null>;
  /** The invoice a Stripe payment intent paid, once linked (Stripe ids are global; the row says the tenant). */
  abstract findByStripePaymentIntent(
    paymentIntentId: string,
  ): Promise<{ tenantId: TenantId; id: string } | null>;
  abstract setStripePaymentIntent(
    tenantId: TenantId,
    invoiceId: string,
    paymentIntentId: string,
  ): Promise<void>;
  /** The credit note whose refund this is (Stripe refund ids are global; the row says the tenant). */
  abstract findCreditNoteByRefundId(refundId: string): Promise<{ tenantId: TenantId; id: string } | null>;
  abstract list(
    tenantId: TenantId,
    q: { status?: InvoiceStatus; customerId?: string; limit: number; cursor?: string },
  ): Promise<InvoicePage>;
  abstract update(tenantId: TenantId, id: string, patch: Partial<Invoice>): Promise<void>;
  /** A draft re-rated at finalization: new totals, customer snapshot, outcomes and lines. */
  abstract replaceDraftContent(tenantId: TenantId, id: string, content: InvoiceContent): Promise<void>;
  /**
   * Finalizes with the series' next number, taken and formatted by the database while the transaction
   * commits (gapless per tenant and series: a rollback gives the number back); the tenant's counter row is
   * locked only for the commit itself. The number is readable after the commit (numberOf).
   */
  abstract updateNumberedAtCommit(
    tenantId: TenantId,
    id: string,
    series: string,
    patch: Partial<Omit<Invoice, 'number'>>,
  ): Promise<void>;
  abstract numberOf(tenantId: TenantId, id: string): Promise<string | null>;
  abstract draftsPastGrace(asOf: Date, limit: number): Promise<{ tenantId: TenantId; id: string }[]>;
  abstract overdue(asOf: Date, limit: number): Promise<Invoice[]>;

  /**
   * Writes the credit note and its lines and adds its total to the invoice's amount credited. Its number is
   * the series' next, taken at commit as updateNumberedAtCommit's is; readable after the commit
   * (findCreditNote).
   */
  abstract insertCreditNote(note: NewCreditNote, series: string): Promise<void>;
  abstract findCreditNote(tenantId: TenantId, id: string): Promise<CreditNote | null>;
  abstract creditNotesOf(tenantId: TenantId, invoiceId: string): Promise<CreditNote[]>;
  /** With `from`, moves only out of those states; returns whether the row changed. */
  abstract setRefundStatus(
    tenantId: TenantId,
    creditNoteId: string,
    status: CreditNote['refundStatus'],
    extra?: { refundId?: string; error?: string | null; from?: CreditNote['refundStatus'][] },
  ): Promise<boolean>;
}
