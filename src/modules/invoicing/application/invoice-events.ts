import { Invoice } from '../domain/invoice';
import { CreditNote } from '../domain/credit-note';

/** Payloads of outbound webhook events about invoices (docs/modules/webhooks.md documents them). */
export const invoiceEventPayload = (i: Invoice): Record<string, unknown> => ({
  invoiceId: i.id,
  number: i.number,
  status: i.status,
  customerId: i.customerId,
  subscriptionId: i.subscriptionId,
  currency: i.currency,
  total: i.total,
  periodStart: i.periodStart.toISOString(),
  periodEnd: i.periodEnd.toISOString(),
  dueAt: i.dueAt?.toISOString() ?? null,
  paidAt: i.paidAt?.toISOString() ?? null,
});

export const creditNoteEventPayload = (n: CreditNote): Record<string, unknown> => ({
  creditNoteId: n.id,
  invoiceId: n.invoiceId,
  number: n.number,
  method: n.method,
  currency: n.currency,
  total: n.total,
  reason: n.reason,
});
