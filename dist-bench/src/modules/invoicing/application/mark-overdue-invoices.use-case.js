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
var MarkOverdueInvoices_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.MarkOverdueInvoices = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const billing_for_invoicing_1 = require("../../../shared/contracts/billing-for-invoicing");
const webhook_events_1 = require("../../../shared/contracts/webhook-events");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const invoice_repository_port_1 = require("../domain/invoice.repository.port");
const invoice_events_1 = require("./invoice-events");
let MarkOverdueInvoices = MarkOverdueInvoices_1 = class MarkOverdueInvoices {
    invoices;
    billing;
    events;
    clock;
    logger = new common_1.Logger(MarkOverdueInvoices_1.name);
    constructor(invoices, billing, events, clock) {
        this.invoices = invoices;
        this.billing = billing;
        this.events = events;
        this.clock = clock;
    }
    async execute() {
        const now = this.clock.now();
        let marked = 0;
        for (;;) {
            const batch = await this.invoices.overdue(now, 200);
            let markedNow = 0;
            for (const invoice of batch) {
                try {
                    await this.markOne(invoice, now);
                }
                catch (error) {
                    this.logger.warn({ err: error, invoiceId: invoice.id }, 'could not mark an overdue invoice');
                    continue;
                }
                markedNow++;
                await this.events.publish(invoice.tenantId, 'invoice.overdue', (0, invoice_events_1.invoiceEventPayload)(invoice));
            }
            marked += markedNow;
            if (batch.length < 200 || markedNow === 0)
                return marked;
        }
    }
    async markOne(invoice, now) {
        await this.invoices.update(invoice.tenantId, invoice.id, { overdueAt: now });
        try {
            await this.billing.setSubscriptionStatus(invoice.tenantId, invoice.subscriptionId, 'past_due');
        }
        catch (error) {
            if (!(error instanceof domain_error_1.ConflictError))
                throw error;
        }
    }
};
exports.MarkOverdueInvoices = MarkOverdueInvoices;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Date]),
    __metadata("design:returntype", Promise)
], MarkOverdueInvoices.prototype, "markOne", null);
exports.MarkOverdueInvoices = MarkOverdueInvoices = MarkOverdueInvoices_1 = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [invoice_repository_port_1.InvoiceRepository,
        billing_for_invoicing_1.BillingForInvoicing,
        webhook_events_1.WebhookEvents,
        clock_port_1.Clock])
], MarkOverdueInvoices);
//# sourceMappingURL=mark-overdue-invoices.use-case.js.map