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
exports.BillingForInvoicingService = void 0;
const common_1 = require("@nestjs/common");
const billing_for_invoicing_1 = require("../../../shared/contracts/billing-for-invoicing");
const domain_error_1 = require("../../../shared/domain/domain-error");
const clock_port_1 = require("../../../shared/domain/clock.port");
const agent_records_1 = require("../domain/agent-records");
const customer_1 = require("../domain/customer");
const subscription_1 = require("../domain/subscription");
const commit_invoiced_period_use_case_1 = require("./commit-invoiced-period.use-case");
const credits_use_case_1 = require("./credits.use-case");
const manage_subscriptions_use_case_1 = require("./manage-subscriptions.use-case");
const rate_period_use_case_1 = require("./rate-period.use-case");
let BillingForInvoicingService = class BillingForInvoicingService extends billing_for_invoicing_1.BillingForInvoicing {
    subscriptions;
    customers;
    records;
    ratePeriodUseCase;
    commit;
    grant;
    subscriptionUpdated;
    clock;
    constructor(subscriptions, customers, records, ratePeriodUseCase, commit, grant, subscriptionUpdated, clock) {
        super();
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.records = records;
        this.ratePeriodUseCase = ratePeriodUseCase;
        this.commit = commit;
        this.grant = grant;
        this.subscriptionUpdated = subscriptionUpdated;
        this.clock = clock;
    }
    async dueSubscriptionPeriods(asOf, limit, afterSubscriptionId) {
        return (await this.subscriptions.due(asOf, limit, afterSubscriptionId)).map(toDue);
    }
    async dueSubscriptionPeriodsOfTenant(tenantId, asOf, limit, afterSubscriptionId) {
        return (await this.subscriptions.due(asOf, limit, afterSubscriptionId, tenantId)).map(toDue);
    }
    async ratePeriod(tenantId, subscriptionId, period) {
        const { outcomeFees: _fees, ...rated } = await this.ratePeriodUseCase.execute(tenantId, subscriptionId, period);
        return rated;
    }
    async previewCurrentPeriod(tenantId, subscriptionId, _asOf) {
        const sub = await this.subscriptions.find(tenantId, subscriptionId);
        if (!sub)
            throw new domain_error_1.NotFoundError('Subscription', subscriptionId);
        return this.ratePeriod(tenantId, subscriptionId, {
            start: sub.currentPeriodStart,
            end: sub.currentPeriodEnd,
        });
    }
    commitInvoicedPeriod(input) {
        return this.commit.execute(input);
    }
    async findOutcome(tenantId, outcomeId) {
        const o = await this.records.findOutcome(tenantId, outcomeId);
        if (!o)
            return null;
        return {
            id: o.id,
            tenantId: o.tenantId,
            agentId: o.agentId,
            customerId: o.customerId,
            type: o.type,
            value: o.value,
            currency: o.currency,
            evidence: o.evidence,
            status: o.status,
            createdAt: o.createdAt,
        };
    }
    async markOutcome(tenantId, outcomeId, result) {
        await this.records.markOutcome(tenantId, outcomeId, result.status, result.reason ?? null, this.clock.now());
    }
    async setSubscriptionStatus(tenantId, subscriptionId, status) {
        const sub = await this.subscriptions.findForUpdate(tenantId, subscriptionId);
        if (!sub)
            throw new domain_error_1.NotFoundError('Subscription', subscriptionId);
        if (sub.status === status || (sub.status === 'trialing' && status === 'active'))
            return;
        if (sub.status === 'canceled')
            throw new domain_error_1.ConflictError('subscription_canceled', 'A canceled subscription stays canceled');
        const updated = {
            ...sub,
            status,
            ...(status === 'canceled' ? { canceledAt: this.clock.now() } : {}),
        };
        await this.subscriptions.update(updated);
        await this.subscriptionUpdated.execute(updated);
    }
    async findCustomer(tenantId, customerId) {
        const c = await this.customers.find(tenantId, customerId);
        return c
            ? {
                id: c.id,
                name: c.name,
                email: c.email,
                externalId: c.externalId,
                stripeCustomerId: c.stripeCustomerId,
            }
            : null;
    }
    async grantCredits(input) {
        await this.grant.execute(input.tenantId, input.customerId, {
            amount: input.amount,
            paid: true,
            reference: input.reference,
            description: input.description,
        });
    }
};
exports.BillingForInvoicingService = BillingForInvoicingService;
exports.BillingForInvoicingService = BillingForInvoicingService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [subscription_1.SubscriptionRepository,
        customer_1.CustomerRepository,
        agent_records_1.AgentRecordRepository,
        rate_period_use_case_1.RatePeriod,
        commit_invoiced_period_use_case_1.CommitInvoicedPeriod,
        credits_use_case_1.GrantCredits,
        manage_subscriptions_use_case_1.PublishSubscriptionUpdated,
        clock_port_1.Clock])
], BillingForInvoicingService);
const toDue = (s) => ({
    tenantId: s.tenantId,
    subscriptionId: s.id,
    customerId: s.customerId,
    periodStart: s.currentPeriodStart,
    periodEnd: s.currentPeriodEnd,
});
//# sourceMappingURL=billing-for-invoicing.service.js.map