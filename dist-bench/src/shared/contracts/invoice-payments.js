"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvoicePayments = void 0;
class InvoicePayments {
}
exports.InvoicePayments = InvoicePayments;
//# sourceMappingURL=invoice-payments.js.map