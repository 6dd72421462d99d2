import { InvalidError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Page } from '../../../shared/http/cursor';

export type RewardTrigger = 'signup' | 'first_paid_invoice';
export const REWARD_TRIGGERS: readonly RewardTrigger[] = ['signup', 'first_paid_invoice'];

/** A tenant's referral program. Rewards are free credits in each customer's own currency. */
export interface ReferralProgram {
  enabled: boolean;
  referrerReward: string;
  refereeReward: string;
  rewardOn: RewardTrigger;
  /** Granted credits expire after this many days; null = never. */
  rewardExpiresInDays: number | null;
}

export interface ReferralCode {
  id: string;
  customerId: string;
  code: string;
  createdAt: Date;
}

/** One referred customer; the rewards are those of the program when the referral was made. */
export interface Referral {
  id: string;
  code: string;
  referrerCustomerId: string;
  refereeCustomerId: string;
  status: 'pending' | 'rewarded';
  referrerReward: string;
  refereeReward: string;
  rewardOn: RewardTrigger;
  rewardExpiresInDays: number | null;
  rewardedAt: Date | null;
  rewardInvoiceId: string | null;
  createdAt: Date;
}

export interface ReferralStats {
  referred: number;
  pending: number;
  rewarded: number;
  /** Credits granted to referrers (decimal string, each in its customer's currency). */
  referrerCredits: string;
  refereeCredits: string;
}

/** Who a customer is, for the self-referral check. */
export interface ReferralParty {
  id: string;
  email: string | null;
  externalId: string | null;
}

export const MAX_CODES_PER_CUSTOMER = 20;
const CODE = /^[A-Z0-9][A-Z0-9_-]{3,31}$/;

/** Codes are case-insensitive: kept upper-case, 4-32 letters, digits, '-' and '_'. */
export function normalizeCode(code: string): string {
  const upper = code.trim().toUpperCase();
  if (!CODE.test(upper))
    throw new InvalidError('invalid_referral_code', 'A referral code is 4-32 letters, digits, - or _', [
      { field: 'code', message: 'must be 4-32 letters, digits, - or _' },
    ]);
  return upper;
}

/**
 * Self-referral: the same customer, or the same person behind two customers (same email, case-insensitive,
 * or the same external id).
 */
export function isSelfReferral(referrer: ReferralParty, referee: ReferralParty): boolean {
  if (referrer.id === referee.id) return true;
  if (referrer.email && referee.email && referrer.email.toLowerCase() === referee.email.toLowerCase())
    return true;
  return !!referrer.externalId && referrer.externalId === referee.externalId;
}

export abstract class ReferralRepository {
  abstract program(tenantId: TenantId): Promise<ReferralProgram | null>;
  abstract saveProgram(tenantId: TenantId, program: ReferralProgram): Promise<void>;
  abstract party(tenantId: TenantId, customerId: string): Promise<ReferralParty | null>;
  /** False when the code is taken in this tenant. */
  abstract insertCode(tenantId: TenantId, code: ReferralCode): Promise<boolean>;
  abstract codes(tenantId: TenantId, customerId: string): Promise<ReferralCode[]>;
  abstract findCode(tenantId: TenantId, code: string): Promise<ReferralCode | null>;
  /** False when the referee already has a referral. */
  abstract insertReferral(tenantId: TenantId, referral: Referral): Promise<boolean>;
  /**
   * Marks the referee's pending referral rewarded and returns it; null when there is none or it was
   * already rewarded (a conditional update, so concurrent and repeated events reward once).
   */
  abstract claimReward(
    tenantId: TenantId,
    refereeCustomerId: string,
    at: Date,
    invoiceId: string | null,
  ): Promise<Referral | null>;
  abstract list(
    tenantId: TenantId,
    filter: { referrerCustomerId?: string; status?: Referral['status']; limit: number; cursor?: string },
  ): Promise<Page<Referral>>;
  abstract stats(tenantId: TenantId, filter: { referrerCustomerId?: string }): Promise<ReferralStats>;
}
