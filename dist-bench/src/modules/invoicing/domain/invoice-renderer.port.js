"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvoiceRenderer = void 0;
class InvoiceRenderer {
}
exports.InvoiceRenderer = InvoiceRenderer;
//# sourceMappingURL=invoice-renderer.port.js.map