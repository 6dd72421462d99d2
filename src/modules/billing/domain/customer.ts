import { TenantId } from '../../../shared/domain/tenant-id';
import { Page } from '../../../shared/http/cursor';

/** A tenant's own customer: who an invoice is addressed to and in which currency and timezone. */
export interface Customer {
  id: string;
  tenantId: TenantId;
  externalId: string | null;
  name: string;
  email: string | null;
  currency: string;
  timezone: string;
  /** Percent, e.g. "20" = 20%. */
  taxRate: string;
  stripeCustomerId: string | null;
  billingAddress: Record<string, string> | null;
  /** Hard cap on spend per billing period (decimal string, customer currency); null = none. */
  spendCap: string | null;
  /** Refuse usage once the credit balance is used up. */
  prepaidOnly: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type CustomerPatch = Partial<
  Pick<
    Customer,
    | 'externalId'
    | 'name'
    | 'email'
    | 'currency'
    | 'timezone'
    | 'taxRate'
    | 'billingAddress'
    | 'spendCap'
    | 'prepaidOnly'
    | 'stripeCustomerId'
  >
>;

export abstract class CustomerRepository {
  /** False when the external id is taken in this tenant. */
  abstract insert(customer: Customer): Promise<boolean>;
  abstract find(tenantId: TenantId, id: string): Promise<Customer | null>;
  abstract findByRef(tenantId: TenantId, ref: { id?: string; externalId?: string }): Promise<Customer | null>;
  /** Oldest first. */
  abstract list(tenantId: TenantId, page: { limit: number; cursor?: string }): Promise<Page<Customer>>;
  /** Null when not found in this tenant. */
  abstract update(tenantId: TenantId, id: string, patch: CustomerPatch): Promise<Customer | null>;
  abstract delete(tenantId: TenantId, id: string): Promise<boolean>;
  /**
   * Resolves ids and external ids to customers with the start of their open billing period (the
   * earliest current period of a live subscription; null when none) — one query per ingest batch.
   */
  abstract resolveForIngest(
    tenantId: TenantId,
    ids: string[],
    externalIds: string[],
  ): Promise<
    {
      id: string;
      externalId: string | null;
      openPeriodStart: Date | null;
      /** Start of the customer's first subscription (closed ones included); null when it never had one. */
      firstSubscriptionStart: Date | null;
    }[]
  >;
}
