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
exports.VoidInvoice = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const billing_for_invoicing_1 = require("../../../shared/contracts/billing-for-invoicing");
const webhook_events_1 = require("../../../shared/contracts/webhook-events");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const invoice_1 = require("../domain/invoice");
const invoice_collector_port_1 = require("../domain/invoice-collector.port");
const invoice_repository_port_1 = require("../domain/invoice.repository.port");
const invoice_events_1 = require("./invoice-events");
let VoidInvoice = class VoidInvoice {
    invoices;
    billing;
    collector;
    events;
    clock;
    constructor(invoices, billing, collector, events, clock) {
        this.invoices = invoices;
        this.billing = billing;
        this.collector = collector;
        this.events = events;
        this.clock = clock;
    }
    async execute(tenantId, invoiceId) {
        const current = await this.invoices.find(tenantId, invoiceId);
        if (!current)
            throw new domain_error_1.NotFoundError('Invoice', invoiceId);
        if (current.stripeInvoiceId && (0, invoice_1.canTransition)(current.status, 'void'))
            await this.collector.voidAtGateway(current);
        const { invoice, changed } = await this.voidInTx(tenantId, invoiceId);
        if (changed)
            await this.events.publish(tenantId, 'invoice.voided', (0, invoice_events_1.invoiceEventPayload)(invoice));
        return invoice;
    }
    async voidInTx(tenantId, invoiceId) {
        const invoice = await this.invoices.find(tenantId, invoiceId, { lock: true });
        if (!invoice)
            throw new domain_error_1.NotFoundError('Invoice', invoiceId);
        if (invoice.status === 'void')
            return { invoice, changed: false };
        if (!(0, invoice_1.canTransition)(invoice.status, 'void'))
            throw new domain_error_1.ConflictError('invoice_not_voidable', `A ${invoice.status} invoice cannot be voided; issue a credit note instead`);
        if (invoice.status === 'draft')
            await this.billing.commitInvoicedPeriod({
                tenantId,
                subscriptionId: invoice.subscriptionId,
                periodStart: invoice.periodStart,
                periodEnd: invoice.periodEnd,
                invoiceId,
                creditsToApply: '0',
                couponRedemptionIds: [],
            });
        const patch = { status: 'void', voidedAt: this.clock.now() };
        await this.invoices.update(tenantId, invoiceId, patch);
        return { invoice: { ...invoice, ...patch }, changed: true };
    }
};
exports.VoidInvoice = VoidInvoice;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], VoidInvoice.prototype, "voidInTx", null);
exports.VoidInvoice = VoidInvoice = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [invoice_repository_port_1.InvoiceRepository,
        billing_for_invoicing_1.BillingForInvoicing,
        invoice_collector_port_1.InvoiceCollector,
        webhook_events_1.WebhookEvents,
        clock_port_1.Clock])
], VoidInvoice);
//# sourceMappingURL=void-invoice.use-case.js.map