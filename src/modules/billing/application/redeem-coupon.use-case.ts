import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Clock } from '../../../shared/domain/clock.port';
import { ConflictError, NotFoundError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { CouponRedemption, CouponRepository, periodsFor } from '../domain/coupon';
import { CustomerRepository } from '../domain/customer';

@Injectable()
export class RedeemCoupon {
  constructor(
    private readonly coupons: CouponRepository,
    private readonly customers: CustomerRepository,
    private readonly clock: Clock,
  ) {}

  /** Applies a coupon to a customer's coming invoices. Once per customer; a repeat returns the same redemption. */
  @Transactional()
  async execute(
    tenantId: TenantId,
    customerId: string,
    code: string,
  ): Promise<{ redemption: CouponRedemption; created: boolean }> {
    const customer = await this.customers.find(tenantId, customerId);
    if (!customer) throw new NotFoundError('Customer', customerId);
    const coupon = await this.coupons.findByCode(tenantId, code);
    if (!coupon) throw new NotFoundError('Coupon', code);
    if (coupon.expiresAt && coupon.expiresAt <= this.clock.now())
      throw new ConflictError('coupon_expired', 'The coupon has expired');
    if (coupon.kind === 'fixed' && coupon.currency !== customer.currency)
      throw new ConflictError(
        'coupon_currency_mismatch',
        `The coupon is in ${coupon.currency}, the customer pays in ${customer.currency}`,
      );
    const result = await this.coupons.redeem(tenantId, coupon.id, customerId, newId(), periodsFor(coupon));
    if (!result)
      throw new ConflictError('coupon_exhausted', 'The coupon has reached its maximum redemptions');
    return result;
  }
}
