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
exports.TypeOrmCouponRepository = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const coupon_1 = require("../domain/coupon");
const sql_1 = require("./sql");
const couponToDomain = (r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    percentOff: (0, sql_1.num)(r.percent_off),
    amountOff: (0, sql_1.num)(r.amount_off),
    currency: r.currency,
    duration: r.duration,
    durationPeriods: r.duration_periods,
    expiresAt: r.expires_at,
    maxRedemptions: r.max_redemptions,
    redemptions: r.redemptions,
    createdAt: r.created_at,
});
const COUPON_COLS = `c.id, c.tenant_id, c.code, c.name, c.kind, c.percent_off, c.amount_off, c.currency, c.duration,
  c.duration_periods, c.expires_at, c.max_redemptions, c.redemptions, c.created_at`;
const redemptionToDomain = (r) => ({
    id: r.redemption_id,
    couponId: r.id,
    customerId: r.customer_id,
    periodsRemaining: r.periods_remaining,
    status: r.status,
    createdAt: r.redeemed_at,
    coupon: couponToDomain(r),
});
const REDEMPTION_SELECT = `SELECT r.id AS redemption_id, r.customer_id, r.periods_remaining, r.status, r.created_at AS redeemed_at, ${COUPON_COLS}
  FROM coupon_redemptions r JOIN coupons c ON c.id = r.coupon_id`;
let TypeOrmCouponRepository = class TypeOrmCouponRepository extends coupon_1.CouponRepository {
    t;
    constructor(t) {
        super();
        this.t = t;
    }
    async insert(c) {
        const rows = await (0, sql_1.sql)(this.t, `INSERT INTO coupons (id, tenant_id, code, name, kind, percent_off, amount_off, currency, duration, duration_periods,
         expires_at, max_redemptions)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) ON CONFLICT (tenant_id, code) DO NOTHING RETURNING id`, [
            c.id,
            c.tenantId,
            c.code,
            c.name,
            c.kind,
            c.percentOff,
            c.amountOff,
            c.currency,
            c.duration,
            c.durationPeriods,
            c.expiresAt,
            c.maxRedemptions,
        ]);
        return rows.length > 0;
    }
    async find(tenantId, id) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT ${COUPON_COLS} FROM coupons c WHERE c.tenant_id = $1 AND c.id = $2`, [tenantId, id]);
        return rows[0] ? couponToDomain(rows[0]) : null;
    }
    async findByCode(tenantId, code) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT ${COUPON_COLS} FROM coupons c WHERE c.tenant_id = $1 AND c.code = $2`, [tenantId, code]);
        return rows[0] ? couponToDomain(rows[0]) : null;
    }
    async list(tenantId) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT ${COUPON_COLS} FROM coupons c WHERE c.tenant_id = $1 ORDER BY c.code`, [tenantId]);
        return rows.map(couponToDomain);
    }
    async redeem(tenantId, couponId, customerId, redemptionId, periodsRemaining) {
        const existing = await (0, sql_1.sql)(this.t, `${REDEMPTION_SELECT} WHERE r.tenant_id = $1 AND r.coupon_id = $2 AND r.customer_id = $3`, [tenantId, couponId, customerId]);
        if (existing[0])
            return { redemption: redemptionToDomain(existing[0]), created: false };
        const counted = await (0, sql_1.sql)(this.t, `UPDATE coupons SET redemptions = redemptions + 1
        WHERE tenant_id = $1 AND id = $2 AND (max_redemptions IS NULL OR redemptions < max_redemptions) RETURNING id`, [tenantId, couponId]);
        if (!counted.length)
            return null;
        await (0, sql_1.sql)(this.t, `INSERT INTO coupon_redemptions (id, tenant_id, coupon_id, customer_id, periods_remaining) VALUES ($1,$2,$3,$4,$5)`, [redemptionId, tenantId, couponId, customerId, periodsRemaining]);
        const [row] = await (0, sql_1.sql)(this.t, `${REDEMPTION_SELECT} WHERE r.tenant_id = $1 AND r.id = $2`, [
            tenantId,
            redemptionId,
        ]);
        return { redemption: redemptionToDomain(row), created: true };
    }
    async activeRedemptions(tenantId, customerId, currency) {
        const rows = await (0, sql_1.sql)(this.t, `${REDEMPTION_SELECT} WHERE r.tenant_id = $1 AND r.customer_id = $2 AND r.status = 'active'
         AND (c.kind = 'percentage' OR c.currency = $3) ORDER BY r.created_at, r.id`, [tenantId, customerId, currency]);
        return rows.map(redemptionToDomain);
    }
    async consumePeriod(tenantId, redemptionIds) {
        if (!redemptionIds.length)
            return;
        await (0, sql_1.sql)(this.t, `UPDATE coupon_redemptions
          SET periods_remaining = periods_remaining - 1,
              status = CASE WHEN periods_remaining - 1 <= 0 THEN 'consumed' ELSE status END
        WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND status = 'active' AND periods_remaining IS NOT NULL`, [tenantId, redemptionIds]);
    }
};
exports.TypeOrmCouponRepository = TypeOrmCouponRepository;
exports.TypeOrmCouponRepository = TypeOrmCouponRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transactional_1.TransactionHost])
], TypeOrmCouponRepository);
//# sourceMappingURL=typeorm-coupon.repository.js.map