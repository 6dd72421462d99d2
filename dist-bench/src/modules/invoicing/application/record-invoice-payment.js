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
exports.RecordInvoicePayment = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const billing_for_invoicing_1 = require("../../../shared/contracts/billing-for-invoicing");
const invoice_payments_1 = require("../../../shared/contracts/invoice-payments");
const webhook_events_1 = require("../../../shared/contracts/webhook-events");
const clock_port_1 = require("../../../shared/domain/clock.port");
const invoice_repository_port_1 = require("../domain/invoice.repository.port");
const invoice_events_1 = require("./invoice-events");
let RecordInvoicePayment = class RecordInvoicePayment extends invoice_payments_1.InvoicePayments {
    invoices;
    billing;
    events;
    clock;
    constructor(invoices, billing, events, clock) {
        super();
        this.invoices = invoices;
        this.billing = billing;
        this.events = events;
        this.clock = clock;
    }
    async tenantOfStripeInvoice(stripeInvoiceId) {
        return (await this.invoices.findByStripeId(stripeInvoiceId))?.tenantId ?? null;
    }
    async load(tenantId, ref) {
        if (ref.invoiceId)
            return this.invoices.find(tenantId, ref.invoiceId, { lock: true });
        if (!ref.stripeInvoiceId)
            return null;
        const found = await this.invoices.findByStripeId(ref.stripeInvoiceId);
        return found && found.tenantId === tenantId
            ? this.invoices.find(tenantId, found.id, { lock: true })
            : null;
    }
    async markPaid(tenantId, ref, paidAt) {
        const invoice = await this.load(tenantId, ref);
        if (!invoice)
            return 'not_found';
        if (invoice.status === 'paid' || invoice.status === 'void')
            return 'unchanged';
        if (invoice.status === 'draft') {
            if (!invoice.paidExternallyAt)
                await this.invoices.update(tenantId, invoice.id, { paidExternallyAt: paidAt });
            return invoice.paidExternallyAt ? 'unchanged' : 'noted';
        }
        const patch = { status: 'paid', paidAt };
        await this.invoices.update(tenantId, invoice.id, patch);
        if (invoice.overdueAt || invoice.paymentFailedAt)
            await this.billing.setSubscriptionStatus(tenantId, invoice.subscriptionId, 'active');
        await this.events.publish(tenantId, 'invoice.paid', (0, invoice_events_1.invoiceEventPayload)({ ...invoice, ...patch }));
        return 'paid';
    }
    async markPaymentFailed(tenantId, ref) {
        const invoice = await this.load(tenantId, ref);
        if (!invoice)
            return 'not_found';
        if (invoice.status !== 'finalized' && invoice.status !== 'uncollectible')
            return 'unchanged';
        await this.invoices.update(tenantId, invoice.id, { paymentFailedAt: this.clock.now() });
        await this.billing.setSubscriptionStatus(tenantId, invoice.subscriptionId, 'past_due');
        await this.events.publish(tenantId, 'invoice.payment_failed', (0, invoice_events_1.invoiceEventPayload)(invoice));
        return 'recorded';
    }
    async markRefunded(tenantId, creditNoteId) {
        await this.invoices.setRefundStatus(tenantId, creditNoteId, 'succeeded', {
            from: ['pending', 'manual', 'failed'],
        });
    }
};
exports.RecordInvoicePayment = RecordInvoicePayment;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, Date]),
    __metadata("design:returntype", Promise)
], RecordInvoicePayment.prototype, "markPaid", null);
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Promise)
], RecordInvoicePayment.prototype, "markPaymentFailed", null);
exports.RecordInvoicePayment = RecordInvoicePayment = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [invoice_repository_port_1.InvoiceRepository,
        billing_for_invoicing_1.BillingForInvoicing,
        webhook_events_1.WebhookEvents,
        clock_port_1.Clock])
], RecordInvoicePayment);
//# sourceMappingURL=record-invoice-payment.js.map