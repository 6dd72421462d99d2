import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Clock } from '../../../shared/domain/clock.port';
import { dec } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { ReferralRepository } from '../domain/referral';
import { GrantReferralRewards } from './grant-referral-rewards';

/**
 * On a paid invoice with something to pay: the referee's pending referral (rewards due on the first paid
 * invoice) is claimed and its credits granted, once, however often the event repeats.
 */
@Injectable()
export class RewardReferralOnPayment {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly rewards: GrantReferralRewards,
    private readonly clock: Clock,
  ) {}

  @Transactional()
  async execute(tenantId: TenantId, invoice: { customerId: string; invoiceId: string; total: string }) {
    if (!dec(invoice.total).gt(0)) return;
    const claimed = await this.referrals.claimReward(
      tenantId,
      invoice.customerId,
      this.clock.now(),
      invoice.invoiceId,
    );
    if (claimed) await this.rewards.execute(tenantId, claimed);
  }
}
