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
exports.CommitInvoicedPeriod = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const domain_error_1 = require("../../../shared/domain/domain-error");
const money_1 = require("../../../shared/domain/money");
const agent_records_1 = require("../domain/agent-records");
const coupon_1 = require("../domain/coupon");
const plan_repository_port_1 = require("../domain/plan.repository.port");
const rating_1 = require("../domain/rating");
const subscription_1 = require("../domain/subscription");
const credits_use_case_1 = require("./credits.use-case");
const manage_subscriptions_use_case_1 = require("./manage-subscriptions.use-case");
let CommitInvoicedPeriod = class CommitInvoicedPeriod {
    subscriptions;
    plans;
    records;
    coupons;
    debitCredits;
    subscriptionUpdated;
    constructor(subscriptions, plans, records, coupons, debitCredits, subscriptionUpdated) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.records = records;
        this.coupons = coupons;
        this.debitCredits = debitCredits;
        this.subscriptionUpdated = subscriptionUpdated;
    }
    async execute(input) {
        const { tenantId } = input;
        const sub = await this.subscriptions.findForUpdate(tenantId, input.subscriptionId);
        if (!sub)
            throw new domain_error_1.NotFoundError('Subscription', input.subscriptionId);
        const version = await this.plans.findVersion(tenantId, sub.planVersionId);
        if (!version)
            throw new domain_error_1.NotFoundError('Plan version', sub.planVersionId);
        const recorded = await this.subscriptions.recordInvoicedPeriod(input);
        if (!recorded.created)
            return { creditsApplied: (0, money_1.formatMoney)(recorded.creditsApplied, version.currency) };
        const applied = await this.debitCredits.execute(tenantId, sub.customerId, (0, money_1.roundMoney)(input.creditsToApply, version.currency).toString(), `invoice:${input.invoiceId}`, `Applied to invoice ${input.invoiceId}`);
        await this.subscriptions.setInvoicedPeriodCredits(tenantId, sub.id, input.periodStart, applied);
        await this.coupons.consumePeriod(tenantId, input.couponRedemptionIds);
        await this.subscriptions.markAdjustmentsInvoiced(tenantId, sub.id, input.periodEnd, input.invoiceId);
        const outcomeCharges = version.charges.filter((c) => c.kind === 'outcome');
        if (outcomeCharges.length) {
            const types = outcomeCharges.map((c) => (c.kind === 'outcome' ? c.outcomeType : ''));
            const outcomes = await this.records.billableOutcomes(tenantId, sub.customerId, types, version.currency, input.periodEnd);
            const fees = outcomes.flatMap((o) => {
                const charge = outcomeCharges.find((c) => c.kind === 'outcome' && c.outcomeType === o.type);
                return charge && charge.kind === 'outcome'
                    ? [{ id: o.id, amount: (0, rating_1.outcomeFee)((0, money_1.dec)(o.value), charge).toString() }]
                    : [];
            });
            await this.records.markOutcomesBilled(tenantId, input.invoiceId, fees);
        }
        if (sub.currentPeriodStart.getTime() === input.periodStart.getTime()) {
            let moved;
            if (!(0, subscription_1.renews)(sub)) {
                moved = {
                    ...sub,
                    status: 'canceled',
                    canceledAt: sub.canceledAt ?? sub.currentPeriodEnd,
                    closed: true,
                };
            }
            else {
                const next = (0, subscription_1.nextPeriod)(sub, version.interval);
                moved = {
                    ...sub,
                    status: sub.status === 'trialing' ? 'active' : sub.status,
                    periodIndex: next.index,
                    currentPeriodStart: next.start,
                    currentPeriodEnd: next.end,
                };
            }
            await this.subscriptions.update(moved);
            if (moved.status !== sub.status)
                await this.subscriptionUpdated.execute(moved);
        }
        return { creditsApplied: (0, money_1.formatMoney)(applied, version.currency) };
    }
};
exports.CommitInvoicedPeriod = CommitInvoicedPeriod;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], CommitInvoicedPeriod.prototype, "execute", null);
exports.CommitInvoicedPeriod = CommitInvoicedPeriod = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [subscription_1.SubscriptionRepository,
        plan_repository_port_1.PlanRepository,
        agent_records_1.AgentRecordRepository,
        coupon_1.CouponRepository,
        credits_use_case_1.DebitCredits,
        manage_subscriptions_use_case_1.PublishSubscriptionUpdated])
], CommitInvoicedPeriod);
//# sourceMappingURL=commit-invoiced-period.use-case.js.map