import { Injectable } from '@nestjs/common';
import { CreditGrants } from '../../../shared/contracts/credit-grants';
import { Clock } from '../../../shared/domain/clock.port';
import { dec } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Referral } from '../domain/referral';

/**
 * The credits of a rewarded referral, one grant per side. The ledger reference is derived from the
 * referral, so a repeated reward adds nothing even if the referral's own claim were bypassed.
 */
@Injectable()
export class GrantReferralRewards {
  constructor(
    private readonly credits: CreditGrants,
    private readonly clock: Clock,
  ) {}

  async execute(tenantId: TenantId, referral: Referral): Promise<void> {
    const expiresAt = referral.rewardExpiresInDays
      ? new Date(this.clock.now().getTime() + referral.rewardExpiresInDays * 86_400_000)
      : null;
    const sides = [
      { customerId: referral.referrerCustomerId, amount: referral.referrerReward, side: 'referrer' },
      { customerId: referral.refereeCustomerId, amount: referral.refereeReward, side: 'referee' },
    ];
    for (const { customerId, amount, side } of sides) {
      if (!dec(amount).gt(0)) continue;
      await this.credits.grant(tenantId, customerId, {
        amount,
        reference: `referral:${referral.id}:${side}`,
        description:
          side === 'referrer' ? `Referral reward (${referral.code})` : `Welcome credits (${referral.code})`,
        expiresAt,
      });
    }
  }
}
