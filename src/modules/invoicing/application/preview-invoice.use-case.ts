import { Injectable } from '@nestjs/common';
import { BillingForInvoicing, RatedPeriod } from '../../../shared/contracts/billing-for-invoicing';
import { Clock } from '../../../shared/domain/clock.port';
import { TenantId } from '../../../shared/domain/tenant-id';
import { amountDue, creditsToApply } from '../domain/invoice';

/** What the current period would cost if invoiced now; nothing is stored or consumed. */
@Injectable()
export class PreviewInvoice {
  constructor(
    private readonly billing: BillingForInvoicing,
    private readonly clock: Clock,
  ) {}

  async execute(
    tenantId: TenantId,
    subscriptionId: string,
  ): Promise<{ rated: RatedPeriod; creditsApplied: string; total: string; asOf: Date }> {
    const asOf = this.clock.now();
    const rated = await this.billing.previewCurrentPeriod(tenantId, subscriptionId, asOf);
    const credits = creditsToApply(rated);
    return {
      rated,
      creditsApplied: credits,
      total: amountDue(rated.totalBeforeCredits, credits, rated.currency),
      asOf,
    };
  }
}
