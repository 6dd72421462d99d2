import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Customer, CustomerPatch, CustomerRepository } from '../domain/customer';
import { SubscriptionRepository } from '../domain/subscription';
import { BudgetCache } from './budget-cache.port';
import { checkTimezone, checkTaxRate } from './customer-rules';

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505';

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
