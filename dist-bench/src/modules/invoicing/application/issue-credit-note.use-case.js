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
exports.IssueCreditNote = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const app_config_1 = require("../../../config/app-config");
const billing_for_invoicing_1 = require("../../../shared/contracts/billing-for-invoicing");
const webhook_events_1 = require("../../../shared/contracts/webhook-events");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const money_1 = require("../../../shared/domain/money");
const credit_note_1 = require("../domain/credit-note");
const invoice_1 = require("../domain/invoice");
const invoice_repository_port_1 = require("../domain/invoice.repository.port");
const invoice_events_1 = require("./invoice-events");
const refund_credit_note_use_case_1 = require("./refund-credit-note.use-case");
let IssueCreditNote = class IssueCreditNote {
    invoices;
    billing;
    refund;
    events;
    clock;
    config;
    constructor(invoices, billing, refund, events, clock, config) {
        this.invoices = invoices;
        this.billing = billing;
        this.refund = refund;
        this.events = events;
        this.clock = clock;
        this.config = config;
    }
    async execute(tenantId, invoiceId, input) {
        const note = await this.issue(tenantId, invoiceId, input);
        const result = note.method === 'refund' ? await this.refund.execute(tenantId, note.id, { rethrow: false }) : note;
        await this.events.publish(tenantId, 'credit_note.created', (0, invoice_events_1.creditNoteEventPayload)(result));
        return result;
    }
    async issue(tenantId, invoiceId, input) {
        const invoice = await this.invoices.find(tenantId, invoiceId, { lock: true });
        if (!invoice)
            throw new domain_error_1.NotFoundError('Invoice', invoiceId);
        const credited = new Map();
        for (const n of await this.invoices.creditNotesOf(tenantId, invoiceId))
            for (const l of n.lines)
                if (l.invoiceLineId)
                    credited.set(l.invoiceLineId, (0, money_1.dec)(credited.get(l.invoiceLineId) ?? 0)
                        .plus(l.amount)
                        .toFixed());
        const { lines, total } = (0, credit_note_1.creditNoteLines)(invoice, credited, input.lines);
        const series = (0, invoice_1.numberSeries)(this.config.invoicing.creditNotePrefix, this.clock.now());
        const note = {
            id: (0, ids_1.newId)(),
            tenantId,
            invoiceId,
            number: (0, invoice_1.formatNumber)(series, await this.invoices.nextNumber(tenantId, series)),
            reason: input.reason,
            method: input.method,
            currency: invoice.currency,
            total: (0, money_1.formatMoney)(total, invoice.currency),
            refundStatus: input.method === 'refund' ? 'pending' : 'none',
            refundId: null,
            refundError: null,
            createdAt: this.clock.now(),
            lines: lines.map((l) => ({ ...l, id: (0, ids_1.newId)() })),
        };
        await this.invoices.insertCreditNote(note);
        if (input.method === 'credit')
            await this.billing.grantCredits({
                tenantId,
                customerId: invoice.customerId,
                amount: note.total,
                reference: `credit_note:${note.id}`,
                description: `Credit note ${note.number} for invoice ${invoice.number}`,
            });
        return note;
    }
};
exports.IssueCreditNote = IssueCreditNote;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object]),
    __metadata("design:returntype", Promise)
], IssueCreditNote.prototype, "issue", null);
exports.IssueCreditNote = IssueCreditNote = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [invoice_repository_port_1.InvoiceRepository,
        billing_for_invoicing_1.BillingForInvoicing,
        refund_credit_note_use_case_1.RefundCreditNote,
        webhook_events_1.WebhookEvents,
        clock_port_1.Clock,
        app_config_1.AppConfig])
], IssueCreditNote);
//# sourceMappingURL=issue-credit-note.use-case.js.map