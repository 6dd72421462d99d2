import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { ReferralSignups } from '../../../shared/contracts/referral-signups';
import { Clock } from '../../../shared/domain/clock.port';
import { ConflictError, InvalidError, NotFoundError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { isSelfReferral, normalizeCode, Referral, ReferralRepository } from '../domain/referral';
import { GrantReferralRewards } from './grant-referral-rewards';

const unknownCode = (code: string) =>
  new InvalidError('unknown_referral_code', `No active referral code ${code}`, [
    { field: 'referralCode', message: 'is not a referral code of this organization' },
  ]);

/**
 * Links a customer to the owner of a referral code. With rewards due at signup they are granted here, in
 * the same transaction; otherwise the referral waits for the referee's first paid invoice.
 */
@Injectable()
export class RegisterReferee extends ReferralSignups {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly rewards: GrantReferralRewards,
    private readonly clock: Clock,
  ) {
    super();
  }

  @Transactional()
  async registerReferee(tenantId: TenantId, refereeCustomerId: string, rawCode: string): Promise<void> {
    await this.execute(tenantId, refereeCustomerId, rawCode);
  }

  @Transactional()
  async execute(tenantId: TenantId, refereeCustomerId: string, rawCode: string): Promise<Referral> {
    const code = normalizeCode(rawCode);
    const program = await this.referrals.program(tenantId);
    const owned = await this.referrals.findCode(tenantId, code);
    if (!program?.enabled || !owned) throw unknownCode(code);
    const [referrer, referee] = await Promise.all([
      this.referrals.party(tenantId, owned.customerId),
      this.referrals.party(tenantId, refereeCustomerId),
    ]);
    if (!referee) throw new NotFoundError('Customer', refereeCustomerId);
    if (!referrer) throw unknownCode(code);
    if (isSelfReferral(referrer, referee))
      throw new InvalidError('self_referral', 'A customer cannot use its own referral code', [
        { field: 'referralCode', message: 'belongs to the same customer' },
      ]);
    const now = this.clock.now();
    const referral: Referral = {
      id: newId(),
      code,
      referrerCustomerId: referrer.id,
      refereeCustomerId: referee.id,
      status: 'pending',
      referrerReward: program.referrerReward,
      refereeReward: program.refereeReward,
      rewardOn: program.rewardOn,
      rewardExpiresInDays: program.rewardExpiresInDays,
      rewardedAt: null,
      rewardInvoiceId: null,
      createdAt: now,
    };
    if (!(await this.referrals.insertReferral(tenantId, referral)))
      throw new ConflictError('already_referred', 'This customer was already referred');
    if (program.rewardOn === 'signup') {
      const claimed = await this.referrals.claimReward(tenantId, referee.id, now, null);
      if (claimed) await this.rewards.execute(tenantId, claimed);
      return claimed ?? referral;
    }
    return referral;
  }
}
