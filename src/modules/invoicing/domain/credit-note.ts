import { dec, Dec, formatMoney } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { InvalidError } from '../../../shared/domain/domain-error';
import { Invoice } from './invoice';

export type CreditNoteMethod = 'refund' | 'credit';

export interface CreditNoteLine {
  id: string;
  invoiceLineId: string | null;
  description: string;
  amount: string;
}

export interface CreditNote {
  id: string;
  tenantId: TenantId;
  invoiceId: string;
  number: string;
  reason: string;
  method: CreditNoteMethod;
  currency: string;
  total: string;
  /**
   * none: a wallet credit. pending: to send to (or awaiting) the gateway. failed: the gateway refused or was
   * unreachable; retry with POST /credit-notes/:id/refund. manual: to refund outside Tollgate.
   */
  refundStatus: 'none' | 'pending' | 'succeeded' | 'manual' | 'failed';
  /** The gateway's refund id once it accepted the refund. */
  refundId: string | null;
  /** Why the last attempt failed (null unless failed). */
  refundError: string | null;
  createdAt: Date;
  lines: CreditNoteLine[];
}

/**
 * Lines of a credit note. Without `perLine`, the whole remaining amount is credited; with it, each
 * invoice line is credited up to what is left on it (line amounts include their share of tax).
 */
export function creditNoteLines(
  invoice: Invoice,
  alreadyCreditedByLine: Map<string, string>,
  perLine: { invoiceLineId: string; amount: string }[] | undefined,
): { lines: Omit<CreditNoteLine, 'id'>[]; total: Dec } {
  const remaining = dec(invoice.total).minus(invoice.amountCredited);
  if (!['finalized', 'paid', 'uncollectible'].includes(invoice.status))
    throw new InvalidError(
      'invoice_not_finalized',
      'Only finalized invoices can be corrected by a credit note',
    );
  if (!perLine) {
    if (remaining.lte(0))
      throw new InvalidError('nothing_to_credit', 'The invoice is fully credited already');
    return {
      lines: [
        { invoiceLineId: null, description: `Full credit of ${invoice.number}`, amount: remaining.toFixed() },
      ],
      total: remaining,
    };
  }
  const taxFactor = dec(1).plus(dec(invoice.taxRate).div(100));
  const lines = perLine.map((p) => {
    const line = invoice.lines.find((l) => l.id === p.invoiceLineId);
    if (!line)
      throw new InvalidError('unknown_invoice_line', `Line ${p.invoiceLineId} is not on this invoice`);
    const amount = dec(p.amount);
    const left = dec(line.amount)
      .times(taxFactor)
      .minus(alreadyCreditedByLine.get(line.id) ?? 0);
    if (amount.lte(0) || amount.gt(left))
      throw new InvalidError(
        'credit_exceeds_line',
        `Line "${line.description}" can be credited between 0 and ${formatMoney(left, invoice.currency)}`,
      );
    return {
      invoiceLineId: line.id,
      description: line.description,
      amount: formatMoney(amount, invoice.currency),
    };
  });
  const total = lines.reduce((acc, l) => acc.plus(l.amount), dec(0));
  if (total.gt(remaining))
    throw new InvalidError(
      'credit_exceeds_invoice',
      `At most ${formatMoney(remaining, invoice.currency)} can still be credited on this invoice`,
    );
  return { lines, total };
}
