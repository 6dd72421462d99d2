import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { ReferralSignups } from '../../../shared/contracts/referral-signups';
import { Clock } from '../../../shared/domain/clock.port';
import { ConflictError, InvalidError, NotFoundError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { dec } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Customer, CustomerPatch, CustomerRepository } from '../domain/customer';
import { isValidTimeZone } from '../domain/periods';
import { SubscriptionRepository } from '../domain/subscription';
import { BudgetCache } from './budget-cache.port';

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

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505';

function checkTimezone(tz: string | undefined) {
  if (tz !== undefined && !isValidTimeZone(tz))
    throw new InvalidError('invalid_timezone', `Unknown timezone ${tz}`, [
      { field: 'timezone', message: 'must be an IANA timezone' },
    ]);
}

/** A tax rate is a percent of the taxable amount: above 100 is a typo (1000 for 10.00), not a rate. */
function checkTaxRate(rate: string | undefined) {
  if (rate !== undefined && dec(rate).gt(100))
    throw new InvalidError('invalid_tax_rate', `Tax rate ${rate}% is above 100%`, [
      { field: 'taxRate', message: 'taxRate is a percent from 0 to at most 100' },
    ]);
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

@Injectable()
export class UpdateCustomer {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly budgets: BudgetCache,
  ) {}

  async execute(tenantId: TenantId, id: string, patch: CustomerPatch): Promise<Customer> {
    checkTimezone(patch.timezone);
    checkTaxRate(patch.taxRate);
    if (patch.currency !== undefined) {
      patch.currency = patch.currency.toUpperCase();
      const current = await this.customers.find(tenantId, id);
      if (!current) throw new NotFoundError('Customer', id);
      if (
        current.currency !== patch.currency &&
        (await this.subscriptions.liveForCustomer(tenantId, id)).length
      )
        throw new ConflictError(
          'customer_has_subscriptions',
          'The currency cannot change while subscriptions are live',
        );
    }
    let updated: Customer | null;
    try {
      updated = await this.customers.update(tenantId, id, patch);
    } catch (e) {
      if (isUniqueViolation(e))
        throw new ConflictError(
          'customer_external_id_taken',
          `externalId ${patch.externalId} is already used`,
        );
      throw e;
    }
    if (!updated) throw new NotFoundError('Customer', id);
    await this.budgets.invalidate(tenantId, updated);
    return updated;
  }
}

@Injectable()
export class DeleteCustomer {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly subscriptions: SubscriptionRepository,
  ) {}

  async execute(tenantId: TenantId, id: string): Promise<void> {
    if (!(await this.customers.find(tenantId, id))) throw new NotFoundError('Customer', id);
    if ((await this.subscriptions.liveForCustomer(tenantId, id)).length)
      throw new ConflictError(
        'customer_has_subscriptions',
        'Cancel the customer’s subscriptions before deleting it',
      );
    await this.customers.delete(tenantId, id);
  }
}
