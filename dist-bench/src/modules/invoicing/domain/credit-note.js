"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.creditNoteLines = creditNoteLines;
const money_1 = require("../../../shared/domain/money");
const domain_error_1 = require("../../../shared/domain/domain-error");
function creditNoteLines(invoice, alreadyCreditedByLine, perLine) {
    const remaining = (0, money_1.dec)(invoice.total).minus(invoice.amountCredited);
    if (!['finalized', 'paid', 'uncollectible'].includes(invoice.status))
        throw new domain_error_1.InvalidError('invoice_not_finalized', 'Only finalized invoices can be corrected by a credit note');
    if (!perLine) {
        if (remaining.lte(0))
            throw new domain_error_1.InvalidError('nothing_to_credit', 'The invoice is fully credited already');
        return {
            lines: [
                { invoiceLineId: null, description: `Full credit of ${invoice.number}`, amount: remaining.toFixed() },
            ],
            total: remaining,
        };
    }
    const taxFactor = (0, money_1.dec)(1).plus((0, money_1.dec)(invoice.taxRate).div(100));
    const lines = perLine.map((p) => {
        const line = invoice.lines.find((l) => l.id === p.invoiceLineId);
        if (!line)
            throw new domain_error_1.InvalidError('unknown_invoice_line', `Line ${p.invoiceLineId} is not on this invoice`);
        const amount = (0, money_1.dec)(p.amount);
        const left = (0, money_1.dec)(line.amount)
            .times(taxFactor)
            .minus(alreadyCreditedByLine.get(line.id) ?? 0);
        if (amount.lte(0) || amount.gt(left))
            throw new domain_error_1.InvalidError('credit_exceeds_line', `Line "${line.description}" can be credited between 0 and ${(0, money_1.formatMoney)(left, invoice.currency)}`);
        return {
            invoiceLineId: line.id,
            description: line.description,
            amount: (0, money_1.formatMoney)(amount, invoice.currency),
        };
    });
    const total = lines.reduce((acc, l) => acc.plus(l.amount), (0, money_1.dec)(0));
    if (total.gt(remaining))
        throw new domain_error_1.InvalidError('credit_exceeds_invoice', `At most ${(0, money_1.formatMoney)(remaining, invoice.currency)} can still be credited on this invoice`);
    return { lines, total };
}
//# sourceMappingURL=credit-note.js.map