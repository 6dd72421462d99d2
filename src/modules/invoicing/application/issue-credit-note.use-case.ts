import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { AppConfig } from '../../../config/app-config';
import { BillingForInvoicing } from '../../../shared/contracts/billing-for-invoicing';
import { WebhookEvents } from '../../../shared/contracts/webhook-events';
import { Clock } from '../../../shared/domain/clock.port';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { dec, formatMoney } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { CreditNote, creditNoteLines, CreditNoteMethod } from '../domain/credit-note';
import { numberSeries } from '../domain/invoice';
import { InvoiceCollector } from '../domain/invoice-collector.port';
import { InvoiceRepository, NewCreditNote } from '../domain/invoice.repository.port';
import { creditNoteEventPayload } from './invoice-events';
import { RefundCreditNote } from './refund-credit-note.use-case';

export interface IssueCreditNoteInput {
  reason: string;
  method: CreditNoteMethod;
  /** Omitted: credit everything still creditable. */
  lines?: { invoiceLineId: string; amount: string }[];
}

/**
 * Corrects a finalized invoice without touching it: a numbered credit note (gapless series of its own),
 * full or per line, refunded through the payment provider or credited to the customer's wallet. The number
 * is taken while the transaction commits (as an invoice's), so the tenant's counter row is not held across
 * the wallet grant and the wait for COMMIT: one tenant's credit notes do not wait for each other.
 */
@Injectable()
export class IssueCreditNote {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly billing: BillingForInvoicing,
    private readonly refund: RefundCreditNote,
    private readonly collector: InvoiceCollector,
    private readonly events: WebhookEvents,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async execute(tenantId: TenantId, invoiceId: string, input: IssueCreditNoteInput): Promise<CreditNote> {
    const issued = await this.issue(tenantId, invoiceId, input);
    // After the commit: a gateway failure leaves the note `failed` (answered with it, retryable), never
    // a 5xx that would make the client issue a second credit note. Read back either way: the commit numbered it.
    const result =
      issued.method === 'refund'
        ? await this.refund.execute(tenantId, issued.id, { rethrow: false })
        : (await this.invoices.findCreditNote(tenantId, issued.id))!;
    await this.events.publish(tenantId, 'credit_note.created', creditNoteEventPayload(result));
    return result;
  }

  @Transactional()
  private async issue(
    tenantId: TenantId,
    invoiceId: string,
    input: IssueCreditNoteInput,
  ): Promise<NewCreditNote> {
    const invoice = await this.invoices.find(tenantId, invoiceId, { lock: true });
    if (!invoice) throw new NotFoundError('Invoice', invoiceId);
    const credited = new Map<string, string>();
    for (const n of await this.invoices.creditNotesOf(tenantId, invoiceId))
      for (const l of n.lines)
        if (l.invoiceLineId)
          credited.set(
            l.invoiceLineId,
            dec(credited.get(l.invoiceLineId) ?? 0)
              .plus(l.amount)
              .toFixed(),
          );
    const { lines, total } = creditNoteLines(invoice, credited, input.lines);
    // Refused before the note is numbered: a refund that moves nothing at the gateway is no refund.
    if (input.method === 'refund')
      this.collector.checkRefundable(invoice, formatMoney(total, invoice.currency));

    const series = numberSeries(this.config.invoicing.creditNotePrefix, this.clock.now());
    const note: NewCreditNote = {
      id: newId(),
      tenantId,
      invoiceId,
      reason: input.reason,
      method: input.method,
      currency: invoice.currency,
      total: formatMoney(total, invoice.currency),
      refundStatus: input.method === 'refund' ? 'pending' : 'none',
      refundId: null,
      refundError: null,
      createdAt: this.clock.now(),
      lines: lines.map((l) => ({ ...l, id: newId() })),
    };
    await this.invoices.insertCreditNote(note, series);
    if (input.method === 'credit')
      await this.billing.grantCredits({
        tenantId,
        customerId: invoice.customerId,
        amount: note.total,
        reference: `credit_note:${note.id}`,
        // The note's number is taken at commit, after this: the reference names the note.
        description: `Credit note for invoice ${invoice.number}`,
      });
    return note;
  }
}
