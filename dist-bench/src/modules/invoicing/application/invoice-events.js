"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.creditNoteEventPayload = exports.invoiceEventPayload = void 0;
const invoiceEventPayload = (i) => ({
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
exports.invoiceEventPayload = invoiceEventPayload;
const creditNoteEventPayload = (n) => ({
    creditNoteId: n.id,
    invoiceId: n.invoiceId,
    number: n.number,
    method: n.method,
    currency: n.currency,
    total: n.total,
    reason: n.reason,
});
exports.creditNoteEventPayload = creditNoteEventPayload;
//# sourceMappingURL=invoice-events.js.map