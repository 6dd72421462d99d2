"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RefundCreditNote = void 0;
const common_1 = require("@nestjs/common");
const domain_error_1 = require("../../../shared/domain/domain-error");
const invoice_collector_port_1 = require("../domain/invoice-collector.port");
const invoice_repository_port_1 = require("../domain/invoice.repository.port");
let RefundCreditNote = class RefundCreditNote {
    invoices;
    collector;
    constructor(invoices, collector) {
        this.invoices = invoices;
        this.collector = collector;
    }
    async execute(tenantId, creditNoteId, opts) {
        const note = await this.invoices.findCreditNote(tenantId, creditNoteId);
        if (!note)
            throw new domain_error_1.NotFoundError('Credit note', creditNoteId);
        if (note.method !== 'refund')
            throw new domain_error_1.ConflictError('not_a_refund', 'This credit note credits the wallet; it has no refund');
        if (note.refundStatus !== 'pending' && note.refundStatus !== 'failed')
            return note;
        const invoice = (await this.invoices.find(tenantId, note.invoiceId));
        let patch;
        let failure = null;
        try {
            const r = await this.collector.refund(invoice, note);
            patch =
                r.method === 'manual'
                    ? { refundStatus: 'manual', refundId: null, refundError: null }
                    : {
                        refundStatus: r.status,
                        refundId: r.refundId,
                        refundError: r.status === 'failed' ? 'The payment provider reported the refund as failed' : null,
                    };
        }
        catch (err) {
            if (!(err instanceof domain_error_1.DomainError))
                throw err;
            failure = err;
            patch = { refundStatus: 'failed', refundId: note.refundId, refundError: err.message };
        }
        await this.invoices.setRefundStatus(tenantId, note.id, patch.refundStatus, {
            ...(patch.refundId ? { refundId: patch.refundId } : {}),
            error: patch.refundError,
            from: ['pending', 'failed'],
        });
        if (failure && opts.rethrow)
            throw failure;
        return (await this.invoices.findCreditNote(tenantId, note.id));
    }
};
exports.RefundCreditNote = RefundCreditNote;
exports.RefundCreditNote = RefundCreditNote = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [invoice_repository_port_1.InvoiceRepository,
        invoice_collector_port_1.InvoiceCollector])
], RefundCreditNote);
//# sourceMappingURL=refund-credit-note.use-case.js.map