import { TenantId } from '../../../shared/domain/tenant-id';

export interface Coupon {
  id: string;
  tenantId: TenantId;
  code: string;
  name: string;
  kind: 'percentage' | 'fixed';
  percentOff: string | null;
  amountOff: string | null;
  currency: string | null;
  duration: 'once' | 'repeating' | 'forever';
  durationPeriods: number | null;
  expiresAt: Date | null;
  maxRedemptions: number | null;
  redemptions: number;
  createdAt: Date;
}

export interface CouponRedemption {
  id: string;
  couponId: string;
  customerId: string;
  periodsRemaining: number | null;
  status: 'active' | 'consumed';
  createdAt: Date;
  coupon: Coupon;
}

/** How many invoices a redemption discounts: null = forever. */
export const periodsFor = (c: Pick<Coupon, 'duration' | 'durationPeriods'>): number | null =>
  c.duration === 'once' ? 1 : c.duration === 'repeating' ? (c.durationPeriods ?? 1) : null;

export abstract class CouponRepository {
  abstract insert(coupon: Coupon): Promise<boolean>;
  abstract find(tenantId: TenantId, id: string): Promise<Coupon | null>;
  abstract findByCode(tenantId: TenantId, code: string): Promise<Coupon | null>;
  abstract list(tenantId: TenantId): Promise<Coupon[]>;
  /**
   * Counts a redemption only while under max_redemptions (one conditional UPDATE: no oversell under
   * concurrency) and records it. Returns null when exhausted; the existing one when the customer redeemed before.
   */
  abstract redeem(
    tenantId: TenantId,
    couponId: string,
    customerId: string,
    redemptionId: string,
    periodsRemaining: number | null,
  ): Promise<{ redemption: CouponRedemption; created: boolean } | null>;
  abstract activeRedemptions(
    tenantId: TenantId,
    customerId: string,
    currency: string,
  ): Promise<CouponRedemption[]>;
  abstract consumePeriod(tenantId: TenantId, redemptionIds: string[]): Promise<void>;
}
