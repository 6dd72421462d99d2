import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { InvalidError, NotFoundError } from '../../../shared/domain/domain-error';
import { dec } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { PaymentGateway } from '../../../shared/contracts/payment-gateway';
import { SubscriptionRepository } from '../domain/subscription';
import { SyncPaymentCustomer } from './sync-payment-customer.use-case';

@Injectable()
export class CreateCheckoutSession {
  constructor(
    private readonly sync: SyncPaymentCustomer,
    private readonly gateway: PaymentGateway,
    private readonly subscriptions: SubscriptionRepository,
    private readonly config: AppConfig,
  ) {}

  /**
   * credit_top_up: pays `amount` (granted as credits when the payment is confirmed, reference = session id);
   * payment_method: saves a payment method for the customer's subscription invoices.
   */
  async execute(
    tenantId: TenantId,
    customerId: string,
    input: {
      purpose: 'credit_top_up' | 'payment_method';
      amount?: string;
      subscriptionId?: string;
      requestId: string;
    },
  ): Promise<{ id: string; url: string }> {
    if (input.purpose === 'credit_top_up' && !(input.amount && dec(input.amount).gt(0)))
      throw new InvalidError('invalid_amount', 'A top-up needs a positive amount', [
        { field: 'amount', message: 'must be > 0' },
      ]);
    if (input.subscriptionId) {
      const sub = await this.subscriptions.find(tenantId, input.subscriptionId);
      if (!sub || sub.customerId !== customerId)
        throw new NotFoundError('Subscription', input.subscriptionId);
    }
    const customer = await this.sync.execute(tenantId, customerId);
    return this.gateway.createCheckoutSession({
      tenantId,
      stripeCustomerId: customer.stripeCustomerId as string,
      mode: input.purpose === 'credit_top_up' ? 'credit_top_up' : 'subscription_payment_setup',
      currency: customer.currency,
      amount: input.amount,
      description:
        input.purpose === 'credit_top_up'
          ? `Credit top-up for ${customer.name}`
          : `Payment method for ${customer.name}`,
      successUrl: this.config.billing.checkoutSuccessUrl,
      cancelUrl: this.config.billing.checkoutCancelUrl,
      metadata: {
        tollgate_customer_id: customer.id,
        ...(input.purpose === 'credit_top_up' && input.amount ? { credit_amount: input.amount } : {}),
        ...(input.subscriptionId ? { tollgate_subscription_id: input.subscriptionId } : {}),
      },
      idempotencyKey: `checkout-${customer.id}-${input.requestId}`,
    });
  }
}
