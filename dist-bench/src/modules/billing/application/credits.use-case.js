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
exports.DebitCredits = exports.GrantCredits = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const app_config_1 = require("../../../config/app-config");
const webhook_events_1 = require("../../../shared/contracts/webhook-events");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const money_1 = require("../../../shared/domain/money");
const credit_repository_port_1 = require("../domain/credit.repository.port");
const credits_1 = require("../domain/credits");
const customer_1 = require("../domain/customer");
const budget_cache_port_1 = require("./budget-cache.port");
let GrantCredits = class GrantCredits {
    credits;
    customers;
    budgets;
    clock;
    constructor(credits, customers, budgets, clock) {
        this.credits = credits;
        this.customers = customers;
        this.budgets = budgets;
        this.clock = clock;
    }
    async execute(tenantId, customerId, input) {
        if (!(0, money_1.dec)(input.amount).gt(0))
            throw new domain_error_1.InvalidError('invalid_amount', 'A grant must be positive', [
                { field: 'amount', message: 'must be > 0' },
            ]);
        const customer = await this.customers.find(tenantId, customerId);
        if (!customer)
            throw new domain_error_1.NotFoundError('Customer', customerId);
        if (input.expiresAt && input.expiresAt <= this.clock.now())
            throw new domain_error_1.InvalidError('invalid_expiry', 'expiresAt must be in the future', [
                { field: 'expiresAt', message: 'must be in the future' },
            ]);
        const wallet = await this.credits.ensureWallet(tenantId, customerId, customer.currency);
        const entry = {
            id: (0, ids_1.newId)(),
            kind: input.paid ? 'paid_grant' : 'free_grant',
            amount: (0, money_1.dec)(input.amount).toString(),
            grantId: null,
            expiresAt: input.expiresAt ?? null,
            reference: input.reference ?? null,
            description: input.description ?? (input.paid ? 'Credit top-up' : 'Free credits'),
            createdAt: this.clock.now(),
        };
        const created = await this.credits.insertGrant(tenantId, wallet.id, entry);
        await this.budgets.invalidate(tenantId, customer);
        return { created, entryId: entry.id };
    }
};
exports.GrantCredits = GrantCredits;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object]),
    __metadata("design:returntype", Promise)
], GrantCredits.prototype, "execute", null);
exports.GrantCredits = GrantCredits = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [credit_repository_port_1.CreditRepository,
        customer_1.CustomerRepository,
        budget_cache_port_1.BudgetCache,
        clock_port_1.Clock])
], GrantCredits);
let DebitCredits = class DebitCredits {
    credits;
    customers;
    events;
    config;
    clock;
    constructor(credits, customers, events, config, clock) {
        this.credits = credits;
        this.customers = customers;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }
    async execute(tenantId, customerId, amount, reference, description) {
        if (!(0, money_1.dec)(amount).gt(0))
            return '0';
        const wallet = await this.credits.lockWallet(tenantId, customerId);
        if (!wallet)
            return '0';
        const now = this.clock.now();
        const grants = await this.credits.grantsRemaining(tenantId, wallet.id);
        const parts = (0, credits_1.allocateDebit)(grants, amount, now);
        await this.credits.insertDebits(tenantId, wallet.id, parts.map((p) => ({
            id: (0, ids_1.newId)(),
            kind: 'debit',
            amount: p.amount.negated().toString(),
            grantId: p.grantId,
            expiresAt: null,
            reference,
            description,
            createdAt: now,
        })));
        const applied = (0, money_1.sumMoney)(parts.map((p) => p.amount));
        const before = (0, money_1.sumMoney)(grants.filter((g) => g.expiresAt === null || g.expiresAt > now).map((g) => g.remaining));
        await this.announceLowBalance(tenantId, customerId, wallet.currency, before, before.minus(applied));
        return applied.toString();
    }
    async announceLowBalance(tenantId, customerId, currency, before, after) {
        const threshold = (0, money_1.dec)(this.config.billing.creditsLowThreshold);
        if (before.lt(threshold) || after.gte(threshold))
            return;
        const customer = await this.customers.find(tenantId, customerId);
        await this.events.publish(tenantId, 'credits.low', {
            customerId,
            externalId: customer?.externalId ?? null,
            balance: (0, money_1.formatMoney)(after, currency),
            threshold: (0, money_1.formatMoney)(threshold, currency),
            currency,
        });
    }
};
exports.DebitCredits = DebitCredits;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, String, String, String]),
    __metadata("design:returntype", Promise)
], DebitCredits.prototype, "execute", null);
exports.DebitCredits = DebitCredits = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [credit_repository_port_1.CreditRepository,
        customer_1.CustomerRepository,
        webhook_events_1.WebhookEvents,
        app_config_1.AppConfig,
        clock_port_1.Clock])
], DebitCredits);
//# sourceMappingURL=credits.use-case.js.map