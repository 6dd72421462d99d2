import { TenantId } from '../domain/tenant-id';

/**
 * Billing hands a customer created with a referral code to Referrals (global), inside the transaction
 * that creates it: an unknown code or a self-referral refuses the creation (400).
 */
export abstract class ReferralSignups {
  abstract registerReferee(tenantId: TenantId, refereeCustomerId: string, code: string): Promise<void>;
}
