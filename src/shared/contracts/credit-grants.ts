import { TenantId } from '../domain/tenant-id';

/** Free credits another module grants a customer (BillingModule provides it). */
export abstract class CreditGrants {
  /**
   * Adds a free grant in the customer's currency. `reference` is unique per tenant in the credits
   * ledger: a repeated reference adds nothing and returns false.
   */
  abstract grant(
    tenantId: TenantId,
    customerId: string,
    grant: { amount: string; reference: string; description: string; expiresAt?: Date | null },
  ): Promise<boolean>;
}
