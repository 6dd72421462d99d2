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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SubscriptionsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../../../shared/http/auth.decorators");
const domain_error_1 = require("../../../shared/domain/domain-error");
const clock_port_1 = require("../../../shared/domain/clock.port");
const billing_for_invoicing_1 = require("../../../shared/contracts/billing-for-invoicing");
const manage_subscriptions_use_case_1 = require("../application/manage-subscriptions.use-case");
const subscription_1 = require("../domain/subscription");
const billing_dto_1 = require("./billing.dto");
const uuid_or_404_pipe_1 = require("./uuid-or-404.pipe");
const subscriptionView = (s) => ({
    id: s.id,
    customerId: s.customerId,
    planId: s.planId,
    planVersionId: s.planVersionId,
    status: s.status,
    seats: s.seats,
    timezone: s.timezone,
    startedAt: s.startedAt,
    trialEnd: s.trialEnd,
    currentPeriodStart: s.currentPeriodStart,
    currentPeriodEnd: s.currentPeriodEnd,
    cancelAtPeriodEnd: s.cancelAtPeriodEnd,
    canceledAt: s.canceledAt,
});
const SubscriptionId = new uuid_or_404_pipe_1.UuidOr404Pipe('Subscription');
let SubscriptionsController = class SubscriptionsController {
    subscriptions;
    createSubscription;
    changeSeats;
    changePlan;
    cancelSubscription;
    billing;
    clock;
    constructor(subscriptions, createSubscription, changeSeats, changePlan, cancelSubscription, billing, clock) {
        this.subscriptions = subscriptions;
        this.createSubscription = createSubscription;
        this.changeSeats = changeSeats;
        this.changePlan = changePlan;
        this.cancelSubscription = cancelSubscription;
        this.billing = billing;
        this.clock = clock;
    }
    async create(tenantId, body) {
        const sub = await this.createSubscription.execute(tenantId, {
            ...body,
            startDate: body.startDate ? new Date(body.startDate) : undefined,
        });
        return subscriptionView(sub);
    }
    async list(tenantId, q) {
        const rows = await this.subscriptions.list(tenantId, {
            customerId: q.customerId,
            limit: q.limit ?? 50,
            offset: q.offset ?? 0,
        });
        return { data: rows.map(subscriptionView) };
    }
    async get(tenantId, id) {
        const sub = await this.subscriptions.find(tenantId, id);
        if (!sub)
            throw new domain_error_1.NotFoundError('Subscription', id);
        return subscriptionView(sub);
    }
    async upcoming(tenantId, id) {
        const r = await this.billing.previewCurrentPeriod(tenantId, id, this.clock.now());
        return {
            currency: r.currency,
            periodStart: r.periodStart,
            periodEnd: r.periodEnd,
            lines: r.lines.map((l) => ({
                kind: l.kind,
                description: l.description,
                quantity: l.quantity,
                unitAmount: l.unitAmount,
                amount: l.amount,
            })),
            subtotal: r.subtotal,
            discountTotal: r.discountTotal,
            taxTotal: r.taxTotal,
            totalBeforeCredits: r.totalBeforeCredits,
            creditsAvailable: r.creditsAvailable,
        };
    }
    async seats(tenantId, id, body) {
        return subscriptionView(await this.changeSeats.execute(tenantId, id, body.seats));
    }
    async changePlanRoute(tenantId, id, body) {
        return subscriptionView(await this.changePlan.execute(tenantId, id, body));
    }
    async cancel(tenantId, id, body) {
        return subscriptionView(await this.cancelSubscription.execute(tenantId, id, body.when));
    }
};
exports.SubscriptionsController = SubscriptionsController;
__decorate([
    (0, common_1.Post)(),
    (0, auth_decorators_1.Scopes)('subscriptions:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Subscribe a customer to a plan (periods in the customer’s timezone)' }),
    (0, swagger_1.ApiCreatedResponse)({ type: billing_dto_1.SubscriptionDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, billing_dto_1.CreateSubscriptionDto]),
    __metadata("design:returntype", Promise)
], SubscriptionsController.prototype, "create", null);
__decorate([
    (0, common_1.Get)(),
    (0, auth_decorators_1.Scopes)('subscriptions:read'),
    (0, swagger_1.ApiOperation)({ summary: 'List subscriptions' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.SubscriptionListDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, billing_dto_1.SubscriptionQueryDto]),
    __metadata("design:returntype", Promise)
], SubscriptionsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, auth_decorators_1.Scopes)('subscriptions:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Get a subscription' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.SubscriptionDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', SubscriptionId)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], SubscriptionsController.prototype, "get", null);
__decorate([
    (0, common_1.Get)(':id/upcoming'),
    (0, auth_decorators_1.Scopes)('subscriptions:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Rate the open period so far (what the next invoice would say now)' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.UpcomingInvoiceDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', SubscriptionId)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], SubscriptionsController.prototype, "upcoming", null);
__decorate([
    (0, common_1.Post)(':id/seats'),
    (0, common_1.HttpCode)(200),
    (0, auth_decorators_1.Scopes)('subscriptions:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Change the seat count (in-advance seats prorated by day)' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.SubscriptionDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', SubscriptionId)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, billing_dto_1.ChangeSeatsDto]),
    __metadata("design:returntype", Promise)
], SubscriptionsController.prototype, "seats", null);
__decorate([
    (0, common_1.Post)(':id/change-plan'),
    (0, common_1.HttpCode)(200),
    (0, auth_decorators_1.Scopes)('subscriptions:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Move to another plan (or the latest version of the same plan), prorated by day' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.SubscriptionDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', SubscriptionId)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, billing_dto_1.ChangePlanDto]),
    __metadata("design:returntype", Promise)
], SubscriptionsController.prototype, "changePlanRoute", null);
__decorate([
    (0, common_1.Post)(':id/cancel'),
    (0, common_1.HttpCode)(200),
    (0, auth_decorators_1.Scopes)('subscriptions:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Cancel at period end or now' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.SubscriptionDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', SubscriptionId)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, billing_dto_1.CancelSubscriptionDto]),
    __metadata("design:returntype", Promise)
], SubscriptionsController.prototype, "cancel", null);
exports.SubscriptionsController = SubscriptionsController = __decorate([
    (0, swagger_1.ApiTags)('subscriptions'),
    (0, common_1.Controller)('api/v1/subscriptions'),
    __metadata("design:paramtypes", [subscription_1.SubscriptionRepository,
        manage_subscriptions_use_case_1.CreateSubscription,
        manage_subscriptions_use_case_1.ChangeSeats,
        manage_subscriptions_use_case_1.ChangePlan,
        manage_subscriptions_use_case_1.CancelSubscription,
        billing_for_invoicing_1.BillingForInvoicing,
        clock_port_1.Clock])
], SubscriptionsController);
//# sourceMappingURL=subscriptions.controller.js.map