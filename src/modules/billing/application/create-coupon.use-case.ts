import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock.port';
import { ConflictError, InvalidError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { dec } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Coupon, CouponRepository } from '../domain/coupon';

export interface CouponInput {
  code: string;
  name: string;
  kind: 'percentage' | 'fixed';
  percentOff?: string;
  amountOff?: string;
  currency?: string;
  duration: 'once' | 'repeating' | 'forever';
  durationPeriods?: number;
  expiresAt?: Date;
  maxRedemptions?: number;
}

@Injectable()
export class CreateCoupon {
  constructor(
    private readonly coupons: CouponRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tenantId: TenantId, input: CouponInput): Promise<Coupon> {
    const v: { field: string; message: string }[] = [];
    if (
      input.kind === 'percentage' &&
      !(input.percentOff && dec(input.percentOff).gt(0) && dec(input.percentOff).lte(100))
    )
      v.push({ field: 'percentOff', message: 'must be in (0, 100] for a percentage coupon' });
    if (input.kind === 'fixed' && !(input.amountOff && dec(input.amountOff).gt(0)))
      v.push({ field: 'amountOff', message: 'must be > 0 for a fixed coupon' });
    if (input.kind === 'fixed' && !input.currency)
      v.push({ field: 'currency', message: 'required for a fixed coupon' });
    if (input.duration === 'repeating' && !input.durationPeriods)
      v.push({ field: 'durationPeriods', message: 'required for a repeating coupon' });
    if (v.length) throw new InvalidError('invalid_coupon', `${v.length} coupon field(s) are invalid`, v);
    const coupon: Coupon = {
      id: newId(),
      tenantId,
      code: input.code,
      name: input.name,
      kind: input.kind,
      percentOff: input.kind === 'percentage' ? (input.percentOff as string) : null,
      amountOff: input.kind === 'fixed' ? (input.amountOff as string) : null,
      currency: input.kind === 'fixed' ? (input.currency as string).toUpperCase() : null,
      duration: input.duration,
      durationPeriods: input.duration === 'repeating' ? (input.durationPeriods as number) : null,
      expiresAt: input.expiresAt ?? null,
      maxRedemptions: input.maxRedemptions ?? null,
      redemptions: 0,
      createdAt: this.clock.now(),
    };
    if (!(await this.coupons.insert(coupon)))
      throw new ConflictError('coupon_code_taken', `A coupon with code ${input.code} exists`);
    return coupon;
  }
}
