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
exports.GenerateInvoice = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const app_config_1 = require("../../../config/app-config");
const clock_port_1 = require("../../../shared/domain/clock.port");
const ids_1 = require("../../../shared/domain/ids");
const money_1 = require("../../../shared/domain/money");
const invoice_repository_port_1 = require("../domain/invoice.repository.port");
const finalize_invoice_use_case_1 = require("./finalize-invoice.use-case");
const invoice_completion_1 = require("./invoice-completion");
let GenerateInvoice = class GenerateInvoice {
    invoices;
    completion;
    finalizeInvoice;
    clock;
    config;
    constructor(invoices, completion, finalizeInvoice, clock, config) {
        this.invoices = invoices;
        this.completion = completion;
        this.finalizeInvoice = finalizeInvoice;
        this.clock = clock;
        this.config = config;
    }
    async execute(period) {
        const existing = await this.invoices.findByPeriod(period.tenantId, period.subscriptionId, period.periodStart);
        if (existing)
            return this.finalizeIfDue(existing);
        const { invoice, finalized } = await this.write(period);
        if (finalized)
            return this.completion.announce(invoice);
        return this.finalizeIfDue(invoice);
    }
    finalizeIfDue(invoice) {
        return invoice.status === 'draft' && invoice.graceUntil <= this.clock.now()
            ? this.finalizeInvoice.execute(invoice.tenantId, invoice.id)
            : invoice;
    }
    async write(p) {
        const period = { start: p.periodStart, end: p.periodEnd };
        const rating = await this.completion.rate(p.tenantId, p.subscriptionId, p.customerId, period);
        const now = this.clock.now();
        const invoice = {
            id: (0, ids_1.newId)(),
            tenantId: p.tenantId,
            subscriptionId: p.subscriptionId,
            customerId: p.customerId,
            status: 'draft',
            number: null,
            periodStart: p.periodStart,
            periodEnd: p.periodEnd,
            ...rating.content,
            amountCredited: (0, money_1.formatMoney)(0, rating.content.currency),
            graceUntil: new Date(p.periodEnd.getTime() + this.config.invoicing.gracePeriodHours * 3600_000),
            finalizedAt: null,
            dueAt: null,
            paidAt: null,
            voidedAt: null,
            overdueAt: null,
            paymentFailedAt: null,
            collectionMethod: 'manual',
            stripeInvoiceId: null,
            paidExternallyAt: null,
            createdAt: now,
        };
        if (!(await this.invoices.insertIfAbsent(invoice))) {
            const winner = await this.invoices.findByPeriod(p.tenantId, p.subscriptionId, p.periodStart);
            if (winner)
                return { invoice: winner, finalized: false };
            throw new Error(`invoice for subscription ${p.subscriptionId} period ${p.periodStart.toISOString()} vanished`);
        }
        if (invoice.graceUntil > now)
            return { invoice, finalized: false };
        return { invoice: await this.completion.complete(invoice, rating), finalized: true };
    }
};
exports.GenerateInvoice = GenerateInvoice;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], GenerateInvoice.prototype, "write", null);
exports.GenerateInvoice = GenerateInvoice = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [invoice_repository_port_1.InvoiceRepository,
        invoice_completion_1.InvoiceCompletion,
        finalize_invoice_use_case_1.FinalizeInvoice,
        clock_port_1.Clock,
        app_config_1.AppConfig])
], GenerateInvoice);
//# sourceMappingURL=generate-invoice.use-case.js.map