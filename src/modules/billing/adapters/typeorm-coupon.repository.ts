import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Coupon, CouponRedemption, CouponRepository } from '../domain/coupon';
import { num } from './numeric';
import { tenantQuery } from '../../../shared/persistence/tenant-sql';

interface CouponRecord {
  id: Coupon['id'];
  tenant_id: Coupon['tenantId'];
  code: Coupon['code'];
  name: Coupon['name'];
  kind: Coupon['kind'];
  percent_off: string | null;
  amount_off: string | null;
  currency: Coupon['currency'];
  duration: Coupon['duration'];
  duration_periods: Coupon['durationPeriods'];
  expires_at: Coupon['expiresAt'];
  max_redemptions: Coupon['maxRedemptions'];
  redemptions: Coupon['redemptions'];
  created_at: Coupon['createdAt'];
}

const couponToDomain = (r: CouponRecord): Coupon => ({
  id: r.id,
  tenantId: r.tenant_id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  percentOff: num(r.percent_off),
  amountOff: num(r.amount_off),
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

interface CouponRedemptionRecord extends CouponRecord {
  redemption_id: CouponRedemption['id'];
  id: CouponRedemption['couponId'];
  customer_id: CouponRedemption['customerId'];
  periods_remaining: CouponRedemption['periodsRemaining'];
  status: CouponRedemption['status'];
  redeemed_at: CouponRedemption['createdAt'];
}

const redemptionToDomain = (r: CouponRedemptionRecord): CouponRedemption => ({
  id: r.redemption_id,
  couponId: r.id,
  customerId: r.customer_id,
  periodsRemaining: r.periods_remaining,
  status: r.status,
  createdAt: r.redeemed_at,
  coupon: couponToDomain(r),
});

const REDEMPTION_SELECT = `SELECT r.id AS redemption_id, r.customer_id, r.periods_remaining, r.status, r.created_at AS redeemed_at, ${COUPON_COLS}
  FROM coupon_redemptions r JOIN coupons c ON c.tenant_id = $1 AND c.id = r.coupon_id`;

@Injectable()
export class TypeOrmCouponRepository extends CouponRepository {
  constructor(private readonly t: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async insert(c: Coupon): Promise<boolean> {
    const rows = await tenantQuery(
      this.t.tx,
      c.tenantId,
      `INSERT INTO coupons (id, tenant_id, code, name, kind, percent_off, amount_off, currency, duration, duration_periods,
         expires_at, max_redemptions)
       VALUES ($2,$1,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) ON CONFLICT (tenant_id, code) DO NOTHING RETURNING id`,
      [
        c.id,
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
      ],
    );
    return rows.length > 0;
  }

  async find(tenantId: TenantId, id: string): Promise<Coupon | null> {
    const rows = await tenantQuery<CouponRecord>(
      this.t.tx,
      tenantId,
      `SELECT ${COUPON_COLS} FROM coupons c WHERE c.tenant_id = $1 AND c.id = $2`,
      [id],
    );
    return rows[0] ? couponToDomain(rows[0]) : null;
  }

  async findByCode(tenantId: TenantId, code: string): Promise<Coupon | null> {
    const rows = await tenantQuery<CouponRecord>(
      this.t.tx,
      tenantId,
      `SELECT ${COUPON_COLS} FROM coupons c WHERE c.tenant_id = $1 AND c.code = $2`,
      [code],
    );
    return rows[0] ? couponToDomain(rows[0]) : null;
  }

  async list(tenantId: TenantId): Promise<Coupon[]> {
    const rows = await tenantQuery<CouponRecord>(
      this.t.tx,
      tenantId,
      `SELECT ${COUPON_COLS} FROM coupons c WHERE c.tenant_id = $1 ORDER BY c.code`,
      [],
    );
    return rows.map(couponToDomain);
  }

  async redeem(
    tenantId: TenantId,
    couponId: string,
    customerId: string,
    redemptionId: string,
    periodsRemaining: number | null,
  ) {
    const existing = await tenantQuery<CouponRedemptionRecord>(
      this.t.tx,
      tenantId,
      `${REDEMPTION_SELECT} WHERE r.tenant_id = $1 AND r.coupon_id = $2 AND r.customer_id = $3`,
      [couponId, customerId],
    );
    if (existing[0]) return { redemption: redemptionToDomain(existing[0]), created: false };
    const counted = await tenantQuery(
      this.t.tx,
      tenantId,
      `UPDATE coupons SET redemptions = redemptions + 1
        WHERE tenant_id = $1 AND id = $2 AND (max_redemptions IS NULL OR redemptions < max_redemptions) RETURNING id`,
      [couponId],
    );
    if (!counted.length) return null;
    await tenantQuery(
      this.t.tx,
      tenantId,
      `INSERT INTO coupon_redemptions (id, tenant_id, coupon_id, customer_id, periods_remaining) VALUES ($2,$1,$3,$4,$5)`,
      [redemptionId, couponId, customerId, periodsRemaining],
    );
    const [row] = await tenantQuery<CouponRedemptionRecord>(
      this.t.tx,
      tenantId,
      `${REDEMPTION_SELECT} WHERE r.tenant_id = $1 AND r.id = $2`,
      [redemptionId],
    );
    return { redemption: redemptionToDomain(row), created: true };
  }

  async activeRedemptions(
    tenantId: TenantId,
    customerId: string,
    currency: string,
  ): Promise<CouponRedemption[]> {
    const rows = await tenantQuery<CouponRedemptionRecord>(
      this.t.tx,
      tenantId,
      `${REDEMPTION_SELECT} WHERE r.tenant_id = $1 AND r.customer_id = $2 AND r.status = 'active'
         AND (c.kind = 'percentage' OR c.currency = $3) ORDER BY r.created_at, r.id`,
      [customerId, currency],
    );
    return rows.map(redemptionToDomain);
  }

  async consumePeriod(tenantId: TenantId, redemptionIds: string[]): Promise<void> {
    if (!redemptionIds.length) return;
    await tenantQuery(
      this.t.tx,
      tenantId,
      `UPDATE coupon_redemptions
          SET periods_remaining = periods_remaining - 1,
              status = CASE WHEN periods_remaining - 1 <= 0 THEN 'consumed' ELSE status END
        WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND status = 'active' AND periods_remaining IS NOT NULL`,
      [redemptionIds],
    );
  }
}
