import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { ReferralSignups } from '../../../shared/contracts/referral-signups';
import { Clock } from '../../../shared/domain/clock.port';
import { ConflictError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Customer, CustomerRepository } from '../domain/customer';
import { checkTimezone, checkTaxRate } from './customer-rules';

export interface CustomerInput {
  name: string;
  email?: string | null;
  externalId?: string | null;
  currency: string;
  timezone?: string;
  taxRate?: string;
  billingAddress?: Record<string, string> | null;
  spendCap?: string | null;
  prepaidOnly?: boolean;
  /** A referral code of another customer: links the two (Referrals). */
  referralCode?: string;
}

@Injectable()
export class CreateCustomer {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly clock: Clock,
    private readonly referrals: ReferralSignups,
  ) {}

  @Transactional()
  async execute(tenantId: TenantId, input: CustomerInput): Promise<Customer> {
    checkTimezone(input.timezone);
    checkTaxRate(input.taxRate);
    const now = this.clock.now();
    const customer: Customer = {
      id: newId(),
      tenantId,
      externalId: input.externalId ?? null,
      name: input.name,
      email: input.email ?? null,
      currency: input.currency.toUpperCase(),
      timezone: input.timezone ?? 'UTC',
      taxRate: input.taxRate ?? '0',
      stripeCustomerId: null,
      billingAddress: input.billingAddress ?? null,
      spendCap: input.spendCap ?? null,
      prepaidOnly: input.prepaidOnly ?? false,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await this.customers.insert(customer)))
      throw new ConflictError('customer_external_id_taken', `externalId ${input.externalId} is already used`);
    if (input.referralCode !== undefined)
      await this.referrals.registerReferee(tenantId, customer.id, input.referralCode);
    return customer;
  }
}
