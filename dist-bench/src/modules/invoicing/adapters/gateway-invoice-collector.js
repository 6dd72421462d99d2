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
exports.GatewayInvoiceCollector = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../../config/app-config");
const payment_gateway_port_1 = require("../../billing/domain/payment-gateway.port");
const invoice_collector_port_1 = require("../domain/invoice-collector.port");
let GatewayInvoiceCollector = class GatewayInvoiceCollector extends invoice_collector_port_1.InvoiceCollector {
    gateway;
    config;
    constructor(gateway, config) {
        super();
        this.gateway = gateway;
        this.config = config;
    }
    async collect(invoice) {
        const stripeCustomerId = invoice.customer.stripeCustomerId;
        if (!this.gateway.enabled || !stripeCustomerId || !invoice.number)
            return { method: 'manual' };
        const lines = invoice.lines.map((l) => ({ description: l.description, amount: l.amount }));
        if (Number(invoice.taxTotal) !== 0)
            lines.push({ description: 'Tax', amount: invoice.taxTotal });
        if (Number(invoice.creditsApplied) !== 0)
            lines.push({ description: 'Credits applied', amount: `-${invoice.creditsApplied}` });
        const pushed = await this.gateway.pushInvoice({
            tenantId: invoice.tenantId,
            stripeCustomerId,
            invoiceId: invoice.id,
            invoiceNumber: invoice.number,
            currency: invoice.currency,
            lines,
            total: invoice.total,
            daysUntilDue: this.config.invoicing.paymentTermsDays,
        });
        return { method: 'stripe', stripeInvoiceId: pushed.externalId };
    }
    async refund(invoice, note) {
        if (!this.gateway.enabled || !invoice.stripeInvoiceId || invoice.status !== 'paid')
            return { method: 'manual' };
        const r = await this.gateway.refundInvoicePayment({
            tenantId: invoice.tenantId,
            externalInvoiceId: invoice.stripeInvoiceId,
            amount: note.total,
            currency: note.currency,
            reason: `Credit note ${note.number}: ${note.reason}`,
            idempotencyKey: `refund-${note.id}`,
        });
        return { method: 'stripe', ...r };
    }
    async voidAtGateway(invoice) {
        if (!invoice.stripeInvoiceId)
            return;
        await this.gateway.voidInvoice({
            tenantId: invoice.tenantId,
            externalInvoiceId: invoice.stripeInvoiceId,
            idempotencyKey: `void-${invoice.id}`,
        });
    }
};
exports.GatewayInvoiceCollector = GatewayInvoiceCollector;
exports.GatewayInvoiceCollector = GatewayInvoiceCollector = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [payment_gateway_port_1.PaymentGateway,
        app_config_1.AppConfig])
], GatewayInvoiceCollector);
//# sourceMappingURL=gateway-invoice-collector.js.map