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
var InvoiceCompletion_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvoiceCompletion = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../../config/app-config");
const billing_for_invoicing_1 = require("../../../shared/contracts/billing-for-invoicing");
const webhook_events_1 = require("../../../shared/contracts/webhook-events");
const clock_port_1 = require("../../../shared/domain/clock.port");
const ids_1 = require("../../../shared/domain/ids");
const money_1 = require("../../../shared/domain/money");
const invoice_1 = require("../domain/invoice");
const invoice_collector_port_1 = require("../domain/invoice-collector.port");
const invoice_repository_port_1 = require("../domain/invoice.repository.port");
const invoice_events_1 = require("./invoice-events");
let InvoiceCompletion = InvoiceCompletion_1 = class InvoiceCompletion {
    billing;
    invoices;
    collector;
    events;
    clock;
    config;
    logger = new common_1.Logger(InvoiceCompletion_1.name);
    constructor(billing, invoices, collector, events, clock, config) {
        this.billing = billing;
        this.invoices = invoices;
        this.collector = collector;
        this.events = events;
        this.clock = clock;
        this.config = config;
    }
    async rate(tenantId, subscriptionId, customerId, period) {
        const rated = await this.billing.ratePeriod(tenantId, subscriptionId, period);
        const customer = await this.billing.findCustomer(tenantId, customerId);
        const credits = (0, invoice_1.creditsToApply)(rated);
        const lines = rated.lines.map((l, position) => ({
            id: (0, ids_1.newId)(),
            position,
            kind: l.kind,
            description: l.description,
            quantity: l.quantity,
            unitAmount: l.unitAmount,
            amount: l.amount,
            chargeId: l.chargeId ?? null,
            metricCode: l.metricCode ?? null,
            metadata: l.metadata ?? {},
        }));
        return {
            rated,
            credits,
            content: {
                currency: rated.currency,
                subtotal: rated.subtotal,
                discountTotal: rated.discountTotal,
                taxRate: rated.taxRate,
                taxTotal: rated.taxTotal,
                creditsApplied: credits,
                total: (0, invoice_1.amountDue)(rated.totalBeforeCredits, credits, rated.currency),
                customer: customer ?? { id: customerId },
                outcomes: rated.outcomes,
                lines,
            },
        };
    }
    async complete(invoice, rating) {
        const { creditsApplied } = await this.billing.commitInvoicedPeriod({
            tenantId: invoice.tenantId,
            subscriptionId: invoice.subscriptionId,
            periodStart: invoice.periodStart,
            periodEnd: invoice.periodEnd,
            invoiceId: invoice.id,
            creditsToApply: rating.credits,
            couponRedemptionIds: rating.rated.couponRedemptionIds,
        });
        const applied = (0, money_1.formatMoney)(creditsApplied, invoice.currency);
        const total = (0, invoice_1.amountDue)(rating.rated.totalBeforeCredits, applied, invoice.currency);
        const now = this.clock.now();
        const series = (0, invoice_1.numberSeries)(this.config.invoicing.numberPrefix, now);
        const number = (0, invoice_1.formatNumber)(series, await this.invoices.nextNumber(invoice.tenantId, series));
        const paid = invoice.paidExternallyAt !== null || (0, money_1.dec)(total).lte(0);
        const patch = {
            status: paid ? 'paid' : 'finalized',
            number,
            creditsApplied: applied,
            total,
            finalizedAt: now,
            dueAt: new Date(now.getTime() + this.config.invoicing.paymentTermsDays * 86400_000),
            paidAt: paid ? (invoice.paidExternallyAt ?? now) : null,
        };
        await this.invoices.update(invoice.tenantId, invoice.id, patch);
        return { ...invoice, ...patch };
    }
    async announce(invoice) {
        await this.events.publish(invoice.tenantId, 'invoice.finalized', (0, invoice_events_1.invoiceEventPayload)(invoice));
        if (invoice.status === 'paid') {
            await this.events.publish(invoice.tenantId, 'invoice.paid', (0, invoice_events_1.invoiceEventPayload)(invoice));
            return invoice;
        }
        try {
            const result = await this.collector.collect(invoice);
            if (result.method === 'manual')
                return invoice;
            const patch = { collectionMethod: 'stripe', stripeInvoiceId: result.stripeInvoiceId };
            await this.invoices.update(invoice.tenantId, invoice.id, patch);
            return { ...invoice, ...patch };
        }
        catch (error) {
            this.logger.warn({ err: error, invoiceId: invoice.id }, 'collection through Stripe failed; left for manual collection');
            return invoice;
        }
    }
};
exports.InvoiceCompletion = InvoiceCompletion;
exports.InvoiceCompletion = InvoiceCompletion = InvoiceCompletion_1 = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [billing_for_invoicing_1.BillingForInvoicing,
        invoice_repository_port_1.InvoiceRepository,
        invoice_collector_port_1.InvoiceCollector,
        webhook_events_1.WebhookEvents,
        clock_port_1.Clock,
        app_config_1.AppConfig])
], InvoiceCompletion);
//# sourceMappingURL=invoice-completion.js.map