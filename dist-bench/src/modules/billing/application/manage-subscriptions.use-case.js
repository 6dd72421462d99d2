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
exports.CancelSubscription = exports.ChangePlan = exports.ChangeSeats = exports.CreateSubscription = exports.PublishSubscriptionUpdated = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const webhook_events_1 = require("../../../shared/contracts/webhook-events");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const money_1 = require("../../../shared/domain/money");
const customer_1 = require("../domain/customer");
const plan_repository_port_1 = require("../domain/plan.repository.port");
const subscription_1 = require("../domain/subscription");
const budget_cache_port_1 = require("./budget-cache.port");
const toAdjustments = (sub, lines, at) => lines.map((l) => ({
    id: (0, ids_1.newId)(),
    tenantId: sub.tenantId,
    subscriptionId: sub.id,
    kind: l.kind,
    description: l.description,
    quantity: l.quantity,
    unitAmount: l.unitAmount,
    amount: l.amount.toString(),
    effectiveAt: at,
}));
let PublishSubscriptionUpdated = class PublishSubscriptionUpdated {
    plans;
    events;
    constructor(plans, events) {
        this.plans = plans;
        this.events = events;
    }
    async execute(sub) {
        const version = await this.plans.findVersion(sub.tenantId, sub.planVersionId);
        const plan = await this.plans.find(sub.tenantId, sub.planId);
        await this.events.publish(sub.tenantId, 'subscription.updated', {
            subscriptionId: sub.id,
            customerId: sub.customerId,
            status: sub.status,
            planId: sub.planId,
            planCode: plan?.code ?? null,
            planVersion: version?.version ?? null,
            seats: sub.seats,
            currentPeriodStart: sub.currentPeriodStart.toISOString(),
            currentPeriodEnd: sub.currentPeriodEnd.toISOString(),
            trialEnd: sub.trialEnd?.toISOString() ?? null,
            cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
            canceledAt: sub.canceledAt?.toISOString() ?? null,
        });
    }
};
exports.PublishSubscriptionUpdated = PublishSubscriptionUpdated;
exports.PublishSubscriptionUpdated = PublishSubscriptionUpdated = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [plan_repository_port_1.PlanRepository,
        webhook_events_1.WebhookEvents])
], PublishSubscriptionUpdated);
function assertChangeable(sub) {
    if (sub.status === 'canceled' || sub.closed)
        throw new domain_error_1.ConflictError('subscription_canceled', 'The subscription is canceled');
}
let CreateSubscription = class CreateSubscription {
    subscriptions;
    customers;
    plans;
    budgets;
    updated;
    clock;
    constructor(subscriptions, customers, plans, budgets, updated, clock) {
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.plans = plans;
        this.budgets = budgets;
        this.updated = updated;
        this.clock = clock;
    }
    async execute(tenantId, input) {
        const sub = await this.create(tenantId, input);
        await this.updated.execute(sub);
        return sub;
    }
    async create(tenantId, input) {
        const customer = await this.customers.find(tenantId, input.customerId);
        if (!customer)
            throw new domain_error_1.NotFoundError('Customer', input.customerId);
        const version = await this.plans.currentVersion(tenantId, input.planId);
        if (!version)
            throw new domain_error_1.NotFoundError('Plan', input.planId);
        if (version.currency !== customer.currency)
            throw new domain_error_1.InvalidError('currency_mismatch', `Plan is in ${version.currency}, the customer pays in ${customer.currency}`, [{ field: 'planId', message: 'plan currency must match the customer currency' }]);
        const now = this.clock.now();
        const start = (0, subscription_1.startSubscription)({
            start: input.startDate ?? now,
            timezone: customer.timezone,
            interval: version.interval,
            trialDays: input.trialDays ?? version.trialDays,
        });
        const sub = {
            id: (0, ids_1.newId)(),
            tenantId,
            customerId: customer.id,
            planId: version.planId,
            planVersionId: version.id,
            seats: input.seats ?? 1,
            timezone: customer.timezone,
            cancelAtPeriodEnd: false,
            canceledAt: null,
            closed: false,
            createdAt: now,
            ...start,
        };
        await this.subscriptions.insert(sub);
        if (sub.status === 'active')
            await this.subscriptions.addAdjustments(toAdjustments(sub, advanceLines(version, sub), sub.currentPeriodStart));
        await this.budgets.invalidate(tenantId, customer);
        return sub;
    }
};
exports.CreateSubscription = CreateSubscription;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Promise)
], CreateSubscription.prototype, "create", null);
exports.CreateSubscription = CreateSubscription = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [subscription_1.SubscriptionRepository,
        customer_1.CustomerRepository,
        plan_repository_port_1.PlanRepository,
        budget_cache_port_1.BudgetCache,
        PublishSubscriptionUpdated,
        clock_port_1.Clock])
], CreateSubscription);
function advanceLines(version, sub) {
    return version.charges.flatMap((c) => {
        if ((c.kind !== 'base' && c.kind !== 'seat') || c.timing !== 'advance')
            return [];
        if (c.kind === 'base')
            return [
                {
                    kind: 'base',
                    description: `${c.name} (in advance)`,
                    quantity: '1',
                    unitAmount: c.amount,
                    amount: (0, money_1.dec)(c.amount),
                },
            ];
        const seats = Math.max(0, sub.seats - Number(c.freeSeats ?? 0));
        return [
            {
                kind: 'seat',
                description: `${c.name} (in advance)`,
                quantity: String(seats),
                unitAmount: c.unitAmount,
                amount: (0, money_1.dec)(c.unitAmount).times(seats),
            },
        ];
    });
}
let ChangeSeats = class ChangeSeats {
    subscriptions;
    plans;
    updated;
    clock;
    constructor(subscriptions, plans, updated, clock) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.updated = updated;
        this.clock = clock;
    }
    async execute(tenantId, id, seats) {
        const { sub, changed } = await this.change(tenantId, id, seats);
        if (changed)
            await this.updated.execute(sub);
        return sub;
    }
    async change(tenantId, id, seats) {
        const sub = await this.subscriptions.findForUpdate(tenantId, id);
        if (!sub)
            throw new domain_error_1.NotFoundError('Subscription', id);
        assertChangeable(sub);
        if (seats === sub.seats)
            return { sub, changed: false };
        const version = await this.plans.findVersion(tenantId, sub.planVersionId);
        const now = this.clock.now();
        if (sub.status !== 'trialing' && version) {
            const lines = (0, subscription_1.seatChangeProration)({
                charges: version.charges,
                oldSeats: sub.seats,
                newSeats: seats,
                now,
                period: { start: sub.currentPeriodStart, end: sub.currentPeriodEnd },
                timezone: sub.timezone,
            });
            await this.subscriptions.addAdjustments(toAdjustments(sub, lines, now));
        }
        const updated = { ...sub, seats };
        await this.subscriptions.update(updated);
        return { sub: updated, changed: true };
    }
};
exports.ChangeSeats = ChangeSeats;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Number]),
    __metadata("design:returntype", Promise)
], ChangeSeats.prototype, "change", null);
exports.ChangeSeats = ChangeSeats = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [subscription_1.SubscriptionRepository,
        plan_repository_port_1.PlanRepository,
        PublishSubscriptionUpdated,
        clock_port_1.Clock])
], ChangeSeats);
let ChangePlan = class ChangePlan {
    subscriptions;
    plans;
    updated;
    clock;
    constructor(subscriptions, plans, updated, clock) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.updated = updated;
        this.clock = clock;
    }
    async execute(tenantId, id, input) {
        const { sub, changed } = await this.change(tenantId, id, input);
        if (changed)
            await this.updated.execute(sub);
        return sub;
    }
    async change(tenantId, id, input) {
        const sub = await this.subscriptions.findForUpdate(tenantId, id);
        if (!sub)
            throw new domain_error_1.NotFoundError('Subscription', id);
        assertChangeable(sub);
        const oldVersion = await this.plans.findVersion(tenantId, sub.planVersionId);
        const newVersion = await this.plans.currentVersion(tenantId, input.planId);
        if (!newVersion)
            throw new domain_error_1.NotFoundError('Plan', input.planId);
        if (oldVersion && oldVersion.currency !== newVersion.currency)
            throw new domain_error_1.InvalidError('currency_mismatch', 'The new plan must be in the same currency', [
                { field: 'planId', message: 'currency differs' },
            ]);
        if (oldVersion && oldVersion.interval !== newVersion.interval)
            throw new domain_error_1.InvalidError('interval_mismatch', 'The new plan must have the same interval', [
                { field: 'planId', message: 'interval differs' },
            ]);
        if (newVersion.id === sub.planVersionId && (input.seats ?? sub.seats) === sub.seats)
            return { sub, changed: false };
        const now = this.clock.now();
        const seats = input.seats ?? sub.seats;
        if (sub.status !== 'trialing' && oldVersion) {
            const period = { start: sub.currentPeriodStart, end: sub.currentPeriodEnd };
            const lines = [
                ...(0, subscription_1.proratedAdvanceFees)({
                    charges: oldVersion.charges,
                    seats: sub.seats,
                    now,
                    period,
                    timezone: sub.timezone,
                    sign: -1,
                    label: `Unused ${oldVersion.name}`,
                }),
                ...(0, subscription_1.proratedAdvanceFees)({
                    charges: newVersion.charges,
                    seats,
                    now,
                    period,
                    timezone: sub.timezone,
                    sign: 1,
                    label: `Remaining ${newVersion.name}`,
                }),
            ];
            await this.subscriptions.addAdjustments(toAdjustments(sub, lines, now));
        }
        const updated = { ...sub, planId: newVersion.planId, planVersionId: newVersion.id, seats };
        await this.subscriptions.update(updated);
        return { sub: updated, changed: true };
    }
};
exports.ChangePlan = ChangePlan;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object]),
    __metadata("design:returntype", Promise)
], ChangePlan.prototype, "change", null);
exports.ChangePlan = ChangePlan = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [subscription_1.SubscriptionRepository,
        plan_repository_port_1.PlanRepository,
        PublishSubscriptionUpdated,
        clock_port_1.Clock])
], ChangePlan);
let CancelSubscription = class CancelSubscription {
    subscriptions;
    updated;
    clock;
    constructor(subscriptions, updated, clock) {
        this.subscriptions = subscriptions;
        this.updated = updated;
        this.clock = clock;
    }
    async execute(tenantId, id, when) {
        const { sub, changed } = await this.cancel(tenantId, id, when);
        if (changed)
            await this.updated.execute(sub);
        return sub;
    }
    async cancel(tenantId, id, when) {
        const sub = await this.subscriptions.findForUpdate(tenantId, id);
        if (!sub)
            throw new domain_error_1.NotFoundError('Subscription', id);
        assertChangeable(sub);
        if (when === 'period_end' && sub.cancelAtPeriodEnd)
            return { sub, changed: false };
        const now = this.clock.now();
        const updated = when === 'period_end'
            ? { ...sub, cancelAtPeriodEnd: true }
            : {
                ...sub,
                status: 'canceled',
                canceledAt: now,
                cancelAtPeriodEnd: false,
                currentPeriodEnd: now > sub.currentPeriodStart && now < sub.currentPeriodEnd ? now : sub.currentPeriodEnd,
            };
        await this.subscriptions.update(updated);
        return { sub: updated, changed: true };
    }
};
exports.CancelSubscription = CancelSubscription;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, String]),
    __metadata("design:returntype", Promise)
], CancelSubscription.prototype, "cancel", null);
exports.CancelSubscription = CancelSubscription = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [subscription_1.SubscriptionRepository,
        PublishSubscriptionUpdated,
        clock_port_1.Clock])
], CancelSubscription);
//# sourceMappingURL=manage-subscriptions.use-case.js.map