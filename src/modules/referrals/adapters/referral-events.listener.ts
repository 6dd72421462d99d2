import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEventListeners } from '../../../shared/contracts/domain-events';
import { TenantId } from '../../../shared/domain/tenant-id';
import { RewardReferralOnPayment } from '../application/reward-referral-on-payment.use-case';

/** invoice.paid -> the referee's first-paid-invoice reward (in the transaction that marks it paid). */
@Injectable()
export class ReferralEventsListener implements OnModuleInit {
  constructor(
    private readonly listeners: DomainEventListeners,
    private readonly reward: RewardReferralOnPayment,
  ) {}

  onModuleInit(): void {
    this.listeners.subscribe(['invoice.paid'], async ({ tenantId, payload }) => {
      const { customerId, invoiceId, total } = payload as Record<string, unknown>;
      if (typeof customerId !== 'string' || typeof invoiceId !== 'string' || typeof total !== 'string')
        return;
      await this.reward.execute(tenantId as TenantId, { customerId, invoiceId, total });
    });
  }
}
