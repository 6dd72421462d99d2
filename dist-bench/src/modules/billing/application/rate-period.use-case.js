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
exports.RatePeriod = void 0;
const common_1 = require("@nestjs/common");
const domain_error_1 = require("../../../shared/domain/domain-error");
const money_1 = require("../../../shared/domain/money");
const clock_port_1 = require("../../../shared/domain/clock.port");
const agent_records_1 = require("../domain/agent-records");
const coupon_1 = require("../domain/coupon");
const credit_repository_port_1 = require("../domain/credit.repository.port");
const customer_1 = require("../domain/customer");
const metering_1 = require("../domain/metering");
const plan_repository_port_1 = require("../domain/plan.repository.port");
const rating_1 = require("../domain/rating");
const subscription_1 = require("../domain/subscription");
let RatePeriod = class RatePeriod {
    subscriptions;
    plans;
    customers;
    metrics;
    usage;
    records;
    coupons;
    credits;
    clock;
    constructor(subscriptions, plans, customers, metrics, usage, records, coupons, credits, clock) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.customers = customers;
        this.metrics = metrics;
        this.usage = usage;
        this.records = records;
        this.coupons = coupons;
        this.credits = credits;
        this.clock = clock;
    }
    async execute(tenantId, subscriptionId, period) {
        const sub = await this.subscriptions.find(tenantId, subscriptionId);
        if (!sub)
            throw new domain_error_1.NotFoundError('Subscription', subscriptionId);
        const version = await this.plans.findVersion(tenantId, sub.planVersionId);
        const customer = await this.customers.find(tenantId, sub.customerId);
        if (!version || !customer)
            throw new domain_error_1.NotFoundError('Subscription', subscriptionId);
        return this.rate(sub, version, customer, period);
    }
    async rate(sub, version, customer, period) {
        const tenantId = sub.tenantId;
        const trial = (0, subscription_1.isInTrialPeriod)(sub, period);
        const usage = trial ? {} : await this.usageFor(sub, version, period);
        const outcomeTypes = version.charges.flatMap((c) => (c.kind === 'outcome' ? [c.outcomeType] : []));
        const outcomes = outcomeTypes.length && !trial
            ? await this.records.billableOutcomes(tenantId, sub.customerId, outcomeTypes, version.currency, period.end)
            : [];
        const adjustments = await this.subscriptions.openAdjustments(tenantId, sub.id, period.end);
        const redemptions = await this.coupons.activeRedemptions(tenantId, sub.customerId, version.currency);
        const balance = await this.credits.balance(tenantId, sub.customerId, this.clock.now());
        const lastPeriod = !(0, subscription_1.renews)(sub) && period.end.getTime() >= sub.currentPeriodEnd.getTime();
        const result = (0, rating_1.rateSubscriptionPeriod)({
            currency: version.currency,
            charges: version.charges,
            minimumCommitment: version.minimumCommitment,
            seats: sub.seats,
            billArrears: !trial,
            billAdvanceForNextPeriod: !lastPeriod,
            usage,
            outcomes: outcomes.map((o) => ({ id: o.id, type: o.type, value: o.value })),
            adjustments: adjustments.map((a) => ({
                kind: a.kind,
                description: a.description,
                quantity: a.quantity,
                unitAmount: a.unitAmount,
                amount: a.amount,
            })),
            coupons: redemptions.map((r) => ({
                redemptionId: r.id,
                name: r.coupon.name,
                kind: r.coupon.kind,
                percentOff: r.coupon.percentOff ?? undefined,
                amountOff: r.coupon.amountOff ?? undefined,
            })),
            taxRate: customer.taxRate,
        });
        const usedRedemptions = result.lines.flatMap((l) => l.kind === 'discount' ? [String(l.metadata?.couponRedemptionId)] : []);
        const billed = outcomes
            .filter((o) => result.outcomeFees[o.id] !== undefined)
            .map((o) => ({
            id: o.id,
            agentId: o.agentId,
            type: o.type,
            value: o.value,
            currency: o.currency,
            evidence: o.evidence,
            verifiedAt: o.verifiedAt,
        }));
        const total = (0, money_1.dec)(result.totalBeforeCredits);
        const available = total.gt(0) ? ((0, money_1.dec)(balance).lt(total) ? (0, money_1.dec)(balance) : total) : (0, money_1.dec)(0);
        return {
            tenantId,
            subscriptionId: sub.id,
            customerId: sub.customerId,
            currency: version.currency,
            periodStart: period.start,
            periodEnd: period.end,
            lines: result.lines,
            subtotal: result.subtotal,
            discountTotal: result.discountTotal,
            taxRate: customer.taxRate,
            taxTotal: result.taxTotal,
            totalBeforeCredits: result.totalBeforeCredits,
            creditsAvailable: (0, money_1.formatMoney)(available.toDecimalPlaces(12), version.currency),
            outcomes: billed,
            couponRedemptionIds: usedRedemptions,
            outcomeFees: result.outcomeFees,
        };
    }
    async usageFor(sub, version, period) {
        const usageCharges = version.charges.filter((c) => c.kind === 'usage');
        if (!usageCharges.length)
            return {};
        const codes = [
            ...new Set(usageCharges.flatMap((c) => (c.kind === 'usage' && c.metricCode ? [c.metricCode] : []))),
        ];
        const metrics = new Map((codes.length ? await this.metrics.findByCodes(sub.tenantId, codes) : []).map((m) => [m.code, m]));
        const out = {};
        for (const c of usageCharges) {
            if (c.kind !== 'usage')
                continue;
            if (c.price.model === 'cost_plus') {
                const cost = await this.records.costTotal(sub.tenantId, sub.customerId, version.currency, period, c.price.costType);
                out[c.id] = { quantity: cost, events: 0 };
                continue;
            }
            const metric = c.metricCode ? metrics.get(c.metricCode) : undefined;
            out[c.id] = metric
                ? await this.usage.aggregate(sub.tenantId, sub.customerId, metric, period)
                : { quantity: '0', events: 0 };
        }
        return out;
    }
};
exports.RatePeriod = RatePeriod;
exports.RatePeriod = RatePeriod = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [subscription_1.SubscriptionRepository,
        plan_repository_port_1.PlanRepository,
        customer_1.CustomerRepository,
        metering_1.MetricRepository,
        metering_1.UsageRepository,
        agent_records_1.AgentRecordRepository,
        coupon_1.CouponRepository,
        credit_repository_port_1.CreditRepository,
        clock_port_1.Clock])
], RatePeriod);
//# sourceMappingURL=rate-period.use-case.js.map