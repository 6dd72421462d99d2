import { Injectable } from '@nestjs/common';
import { CreditGrants } from '../../../shared/contracts/credit-grants';
import { TenantId } from '../../../shared/domain/tenant-id';
import { GrantCredits } from './grant-credits.use-case';

/** CreditGrants for other modules: a free grant through the same use case as the credits API. */
@Injectable()
export class BillingCreditGrants extends CreditGrants {
  constructor(private readonly grantCredits: GrantCredits) {
    super();
  }

  async grant(
    tenantId: TenantId,
    customerId: string,
    grant: { amount: string; reference: string; description: string; expiresAt?: Date | null },
  ): Promise<boolean> {
    const { created } = await this.grantCredits.execute(tenantId, customerId, { ...grant, paid: false });
    return created;
  }
}
