import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Customer, CustomerRepository } from '../domain/customer';
import { PaymentGateway } from '../../../shared/contracts/payment-gateway';

/** Creates or updates the customer at the payment gateway and stores the link. */
@Injectable()
export class SyncPaymentCustomer {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly gateway: PaymentGateway,
  ) {}

  async execute(tenantId: TenantId, customerId: string): Promise<Customer> {
    const customer = await this.customers.find(tenantId, customerId);
    if (!customer) throw new NotFoundError('Customer', customerId);
    const stripeCustomerId = await this.gateway.upsertCustomer({
      id: customer.id,
      tenantId,
      name: customer.name,
      email: customer.email,
      stripeCustomerId: customer.stripeCustomerId,
    });
    if (stripeCustomerId === customer.stripeCustomerId) return customer;
    return (await this.customers.update(tenantId, customerId, { stripeCustomerId })) ?? customer;
  }
}
