import { Injectable } from '@nestjs/common';
import { TenantId } from '../../../shared/domain/tenant-id';
import { ReferralProgram, ReferralRepository } from '../domain/referral';

export const DEFAULT_PROGRAM: ReferralProgram = {
  enabled: false,
  referrerReward: '0',
  refereeReward: '0',
  rewardOn: 'first_paid_invoice',
  rewardExpiresInDays: null,
};

/** Sets the tenant's program; referrals already made keep the rewards they were made with. */
@Injectable()
export class ConfigureReferralProgram {
  constructor(private readonly referrals: ReferralRepository) {}

  async execute(tenantId: TenantId, patch: Partial<ReferralProgram>): Promise<ReferralProgram> {
    const current = (await this.referrals.program(tenantId)) ?? DEFAULT_PROGRAM;
    const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next: ReferralProgram = { ...current, ...given };
    await this.referrals.saveProgram(tenantId, next);
    return next;
  }
}
