import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { CustomerRepository } from '../domain/customer';
import { SubscriptionRepository } from '../domain/subscription';

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
