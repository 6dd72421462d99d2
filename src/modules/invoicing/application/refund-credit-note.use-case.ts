import { Injectable } from '@nestjs/common';
import { ConflictError, DomainError, NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { CreditNote } from '../domain/credit-note';
import { InvoiceCollector } from '../domain/invoice-collector.port';
import { InvoiceRepository } from '../domain/invoice.repository.port';

/**
 * Sends a credit note's refund to the payment gateway. Runs after the credit note is committed as
 * `pending`, so a crash or a gateway failure never loses it: the note stays `pending` or becomes `failed`
 * (with the error) and this runs again on retry. The gateway call is idempotent per credit note.
 */
@Injectable()
export class RefundCreditNote {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly collector: InvoiceCollector,
  ) {}

  /** `rethrow`: a gateway failure is thrown (an explicit retry) instead of only recorded on the note. */
  async execute(tenantId: TenantId, creditNoteId: string, opts: { rethrow: boolean }): Promise<CreditNote> {
    const note = await this.invoices.findCreditNote(tenantId, creditNoteId);
    if (!note) throw new NotFoundError('Credit note', creditNoteId);
    if (note.method !== 'refund')
      throw new ConflictError('not_a_refund', 'This credit note credits the wallet; it has no refund');
    if (note.refundStatus !== 'pending' && note.refundStatus !== 'failed') return note;
    const invoice = (await this.invoices.find(tenantId, note.invoiceId))!;
    let patch: Pick<CreditNote, 'refundStatus' | 'refundId' | 'refundError'>;
    let failure: DomainError | null = null;
    try {
      const r = await this.collector.refund(invoice, note);
      patch =
        r.method === 'manual'
          ? { refundStatus: 'manual', refundId: null, refundError: null }
          : {
              refundStatus: r.status,
              refundId: r.refundId,
              refundError:
                r.status === 'failed' ? 'The payment provider reported the refund as failed' : null,
            };
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      failure = err;
      patch = { refundStatus: 'failed', refundId: note.refundId, refundError: err.message };
    }
    // A charge.refunded webhook may have confirmed it meanwhile: never move a succeeded refund back.
    await this.invoices.setRefundStatus(tenantId, note.id, patch.refundStatus, {
      ...(patch.refundId ? { refundId: patch.refundId } : {}),
      error: patch.refundError,
      from: ['pending', 'failed'],
    });
    if (failure && opts.rethrow) throw failure;
    return (await this.invoices.findCreditNote(tenantId, note.id))!;
  }
}
