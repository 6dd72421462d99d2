"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BillingForInvoicing = void 0;
class BillingForInvoicing {
}
exports.BillingForInvoicing = BillingForInvoicing;
//# sourceMappingURL=billing-for-invoicing.js.map