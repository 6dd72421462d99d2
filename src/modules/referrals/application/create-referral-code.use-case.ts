import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Clock } from '../../../shared/domain/clock.port';
import { ConflictError, NotFoundError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { MAX_CODES_PER_CUSTOMER, normalizeCode, ReferralCode, ReferralRepository } from '../domain/referral';

// Crockford base32 without I, L, O, U: codes people read aloud and type.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const generated = () =>
  Array.from(randomBytes(8), (b) => ALPHABET[b % 32])
    .join('')
    .replace(/^(.{4})/, '$1-');

/** A referral code for a customer: the one asked for, or a generated one. */
@Injectable()
export class CreateReferralCode {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tenantId: TenantId, customerId: string, requested?: string): Promise<ReferralCode> {
    if (!(await this.referrals.party(tenantId, customerId))) throw new NotFoundError('Customer', customerId);
    if ((await this.referrals.codes(tenantId, customerId)).length >= MAX_CODES_PER_CUSTOMER)
      throw new ConflictError(
        'referral_code_limit',
        `A customer has at most ${MAX_CODES_PER_CUSTOMER} referral codes`,
      );
    for (let attempt = 0; attempt < 5; attempt++) {
      const code: ReferralCode = {
        id: newId(),
        customerId,
        code: requested !== undefined ? normalizeCode(requested) : generated(),
        createdAt: this.clock.now(),
      };
      if (await this.referrals.insertCode(tenantId, code)) return code;
      if (requested !== undefined)
        throw new ConflictError('referral_code_taken', `Referral code ${code.code} is already used`);
    }
    throw new ConflictError('referral_code_taken', 'Could not generate a free referral code; retry');
  }
}
