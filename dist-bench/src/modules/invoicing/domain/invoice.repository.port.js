"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvoiceRepository = void 0;
class InvoiceRepository {
}
exports.InvoiceRepository = InvoiceRepository;
//# sourceMappingURL=invoice.repository.port.js.map