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
exports.RedeemCoupon = exports.CreateCoupon = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const money_1 = require("../../../shared/domain/money");
const coupon_1 = require("../domain/coupon");
const customer_1 = require("../domain/customer");
let CreateCoupon = class CreateCoupon {
    coupons;
    clock;
    constructor(coupons, clock) {
        this.coupons = coupons;
        this.clock = clock;
    }
    async execute(tenantId, input) {
        const v = [];
        if (input.kind === 'percentage' &&
            !(input.percentOff && (0, money_1.dec)(input.percentOff).gt(0) && (0, money_1.dec)(input.percentOff).lte(100)))
            v.push({ field: 'percentOff', message: 'must be in (0, 100] for a percentage coupon' });
        if (input.kind === 'fixed' && !(input.amountOff && (0, money_1.dec)(input.amountOff).gt(0)))
            v.push({ field: 'amountOff', message: 'must be > 0 for a fixed coupon' });
        if (input.kind === 'fixed' && !input.currency)
            v.push({ field: 'currency', message: 'required for a fixed coupon' });
        if (input.duration === 'repeating' && !input.durationPeriods)
            v.push({ field: 'durationPeriods', message: 'required for a repeating coupon' });
        if (v.length)
            throw new domain_error_1.InvalidError('invalid_coupon', `${v.length} coupon field(s) are invalid`, v);
        const coupon = {
            id: (0, ids_1.newId)(),
            tenantId,
            code: input.code,
            name: input.name,
            kind: input.kind,
            percentOff: input.kind === 'percentage' ? input.percentOff : null,
            amountOff: input.kind === 'fixed' ? input.amountOff : null,
            currency: input.kind === 'fixed' ? input.currency.toUpperCase() : null,
            duration: input.duration,
            durationPeriods: input.duration === 'repeating' ? input.durationPeriods : null,
            expiresAt: input.expiresAt ?? null,
            maxRedemptions: input.maxRedemptions ?? null,
            redemptions: 0,
            createdAt: this.clock.now(),
        };
        if (!(await this.coupons.insert(coupon)))
            throw new domain_error_1.ConflictError('coupon_code_taken', `A coupon with code ${input.code} exists`);
        return coupon;
    }
};
exports.CreateCoupon = CreateCoupon;
exports.CreateCoupon = CreateCoupon = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [coupon_1.CouponRepository,
        clock_port_1.Clock])
], CreateCoupon);
let RedeemCoupon = class RedeemCoupon {
    coupons;
    customers;
    clock;
    constructor(coupons, customers, clock) {
        this.coupons = coupons;
        this.customers = customers;
        this.clock = clock;
    }
    async execute(tenantId, customerId, code) {
        const customer = await this.customers.find(tenantId, customerId);
        if (!customer)
            throw new domain_error_1.NotFoundError('Customer', customerId);
        const coupon = await this.coupons.findByCode(tenantId, code);
        if (!coupon)
            throw new domain_error_1.NotFoundError('Coupon', code);
        if (coupon.expiresAt && coupon.expiresAt <= this.clock.now())
            throw new domain_error_1.ConflictError('coupon_expired', 'The coupon has expired');
        if (coupon.kind === 'fixed' && coupon.currency !== customer.currency)
            throw new domain_error_1.ConflictError('coupon_currency_mismatch', `The coupon is in ${coupon.currency}, the customer pays in ${customer.currency}`);
        const result = await this.coupons.redeem(tenantId, coupon.id, customerId, (0, ids_1.newId)(), (0, coupon_1.periodsFor)(coupon));
        if (!result)
            throw new domain_error_1.ConflictError('coupon_exhausted', 'The coupon has reached its maximum redemptions');
        return result;
    }
};
exports.RedeemCoupon = RedeemCoupon;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, String]),
    __metadata("design:returntype", Promise)
], RedeemCoupon.prototype, "execute", null);
exports.RedeemCoupon = RedeemCoupon = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [coupon_1.CouponRepository,
        customer_1.CustomerRepository,
        clock_port_1.Clock])
], RedeemCoupon);
//# sourceMappingURL=coupons.use-case.js.map