"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvoiceCollector = void 0;
class InvoiceCollector {
}
exports.InvoiceCollector = InvoiceCollector;
//# sourceMappingURL=invoice-collector.port.js.map