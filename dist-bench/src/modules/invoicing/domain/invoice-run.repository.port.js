"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvoiceRunRepository = void 0;
class InvoiceRunRepository {
}
exports.InvoiceRunRepository = InvoiceRunRepository;
//# sourceMappingURL=invoice-run.repository.port.js.map