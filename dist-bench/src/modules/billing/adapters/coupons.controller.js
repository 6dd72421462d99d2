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
exports.SpendCapsController = exports.CouponsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../../../shared/http/auth.decorators");
const domain_error_1 = require("../../../shared/domain/domain-error");
const coupons_use_case_1 = require("../application/coupons.use-case");
const redis_budget_source_1 = require("./redis-budget-source");
const api_key_spend_cap_1 = require("../domain/api-key-spend-cap");
const coupon_1 = require("../domain/coupon");
const billing_dto_1 = require("./billing.dto");
const uuid_or_404_pipe_1 = require("./uuid-or-404.pipe");
const couponView = (c) => ({
    id: c.id,
    code: c.code,
    name: c.name,
    kind: c.kind,
    percentOff: c.percentOff,
    amountOff: c.amountOff,
    currency: c.currency,
    duration: c.duration,
    durationPeriods: c.durationPeriods,
    expiresAt: c.expiresAt,
    maxRedemptions: c.maxRedemptions,
    redemptions: c.redemptions,
});
let CouponsController = class CouponsController {
    coupons;
    createCoupon;
    constructor(coupons, createCoupon) {
        this.coupons = coupons;
        this.createCoupon = createCoupon;
    }
    async create(tenantId, body) {
        return couponView(await this.createCoupon.execute(tenantId, {
            ...body,
            expiresAt: body.expiresAt ? new Date(body.expiresAt) : undefined,
        }));
    }
    async list(tenantId) {
        return { data: (await this.coupons.list(tenantId)).map(couponView) };
    }
    async get(tenantId, id) {
        const c = await this.coupons.find(tenantId, id);
        if (!c)
            throw new domain_error_1.NotFoundError('Coupon', id);
        return couponView(c);
    }
};
exports.CouponsController = CouponsController;
__decorate([
    (0, common_1.Post)(),
    (0, auth_decorators_1.Scopes)('plans:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Create a coupon (percentage or fixed; once, N periods or forever)' }),
    (0, swagger_1.ApiCreatedResponse)({ type: billing_dto_1.CouponDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, billing_dto_1.CreateCouponDto]),
    __metadata("design:returntype", Promise)
], CouponsController.prototype, "create", null);
__decorate([
    (0, common_1.Get)(),
    (0, auth_decorators_1.Scopes)('plans:read'),
    (0, swagger_1.ApiOperation)({ summary: 'List coupons' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.CouponListDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], CouponsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, auth_decorators_1.Scopes)('plans:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Get a coupon' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.CouponDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', new uuid_or_404_pipe_1.UuidOr404Pipe('Coupon'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], CouponsController.prototype, "get", null);
exports.CouponsController = CouponsController = __decorate([
    (0, swagger_1.ApiTags)('plans'),
    (0, common_1.Controller)('api/v1/coupons'),
    __metadata("design:paramtypes", [coupon_1.CouponRepository,
        coupons_use_case_1.CreateCoupon])
], CouponsController);
const ApiKeyId = new uuid_or_404_pipe_1.UuidOr404Pipe('API key');
let SpendCapsController = class SpendCapsController {
    caps;
    budgets;
    constructor(caps, budgets) {
        this.caps = caps;
        this.budgets = budgets;
    }
    async put(tenantId, apiKeyId, body) {
        if (!(await this.caps.apiKeyExists(tenantId, apiKeyId)))
            throw new domain_error_1.NotFoundError('API key', apiKeyId);
        const cap = { apiKeyId, amount: body.amount, currency: body.currency.toUpperCase() };
        await this.caps.upsert(tenantId, cap);
        await this.budgets.invalidateApiKey(tenantId, apiKeyId);
        return (await this.caps.find(tenantId, apiKeyId)) ?? cap;
    }
    async getCap(tenantId, apiKeyId) {
        const cap = await this.caps.find(tenantId, apiKeyId);
        if (!cap)
            throw new domain_error_1.NotFoundError('Spend cap', apiKeyId);
        return cap;
    }
    async remove(tenantId, apiKeyId) {
        if (!(await this.caps.delete(tenantId, apiKeyId)))
            throw new domain_error_1.NotFoundError('Spend cap', apiKeyId);
        await this.budgets.invalidateApiKey(tenantId, apiKeyId);
    }
};
exports.SpendCapsController = SpendCapsController;
__decorate([
    (0, common_1.Put)(':apiKeyId'),
    (0, auth_decorators_1.Scopes)('api_keys:manage'),
    (0, swagger_1.ApiOperation)({ summary: 'Set the monthly hard spend cap of an API key' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.SpendCapViewDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('apiKeyId', ApiKeyId)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, billing_dto_1.SpendCapDto]),
    __metadata("design:returntype", Promise)
], SpendCapsController.prototype, "put", null);
__decorate([
    (0, common_1.Get)(':apiKeyId'),
    (0, auth_decorators_1.Scopes)('api_keys:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Get the spend cap of an API key' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.SpendCapViewDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('apiKeyId', ApiKeyId)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], SpendCapsController.prototype, "getCap", null);
__decorate([
    (0, common_1.Delete)(':apiKeyId'),
    (0, common_1.HttpCode)(204),
    (0, auth_decorators_1.Scopes)('api_keys:manage'),
    (0, swagger_1.ApiOperation)({ summary: 'Remove the spend cap of an API key' }),
    (0, swagger_1.ApiNoContentResponse)({ description: 'Removed' }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('apiKeyId', ApiKeyId)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], SpendCapsController.prototype, "remove", null);
exports.SpendCapsController = SpendCapsController = __decorate([
    (0, swagger_1.ApiTags)('usage'),
    (0, common_1.Controller)('api/v1/spend-caps/api-keys'),
    __metadata("design:paramtypes", [api_key_spend_cap_1.ApiKeySpendCapRepository,
        redis_budget_source_1.RedisBudgetSource])
], SpendCapsController);
//# sourceMappingURL=coupons.controller.js.map