import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Referral, ReferralRepository, ReferralStats } from '../domain/referral';
import { Page } from '../../../shared/http/cursor';

/** Referrals of the tenant, or of one referrer, newest first, with their counts and credits granted. */
@Injectable()
export class ListReferrals {
  constructor(private readonly referrals: ReferralRepository) {}

  async execute(
    tenantId: TenantId,
    q: { referrerCustomerId?: string; status?: Referral['status']; limit?: number; cursor?: string },
  ): Promise<Page<Referral> & { stats: ReferralStats }> {
    if (q.referrerCustomerId && !(await this.referrals.party(tenantId, q.referrerCustomerId)))
      throw new NotFoundError('Customer', q.referrerCustomerId);
    const [page, stats] = await Promise.all([
      this.referrals.list(tenantId, { ...q, limit: q.limit ?? 50 }),
      this.referrals.stats(tenantId, { referrerCustomerId: q.referrerCustomerId }),
    ]);
    return { ...page, stats };
  }
}
