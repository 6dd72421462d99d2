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
exports.FinalizeInvoice = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const domain_error_1 = require("../../../shared/domain/domain-error");
const invoice_repository_port_1 = require("../domain/invoice.repository.port");
const invoice_completion_1 = require("./invoice-completion");
let FinalizeInvoice = class FinalizeInvoice {
    invoices;
    completion;
    constructor(invoices, completion) {
        this.invoices = invoices;
        this.completion = completion;
    }
    async execute(tenantId, invoiceId) {
        const { invoice, changed } = await this.finalize(tenantId, invoiceId);
        return changed ? this.completion.announce(invoice) : invoice;
    }
    async finalize(tenantId, invoiceId) {
        const draft = await this.invoices.find(tenantId, invoiceId, { lock: true });
        if (!draft)
            throw new domain_error_1.NotFoundError('Invoice', invoiceId);
        if (draft.status === 'finalized' || draft.status === 'paid')
            return { invoice: draft, changed: false };
        if (draft.status !== 'draft')
            throw new domain_error_1.ConflictError('invoice_not_draft', `A ${draft.status} invoice cannot be finalized`);
        const rating = await this.completion.rate(tenantId, draft.subscriptionId, draft.customerId, {
            start: draft.periodStart,
            end: draft.periodEnd,
        });
        await this.invoices.replaceDraftContent(tenantId, invoiceId, rating.content);
        const invoice = await this.completion.complete({ ...draft, ...rating.content }, rating);
        return { invoice, changed: true };
    }
};
exports.FinalizeInvoice = FinalizeInvoice;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], FinalizeInvoice.prototype, "finalize", null);
exports.FinalizeInvoice = FinalizeInvoice = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [invoice_repository_port_1.InvoiceRepository,
        invoice_completion_1.InvoiceCompletion])
], FinalizeInvoice);
//# sourceMappingURL=finalize-invoice.use-case.js.map