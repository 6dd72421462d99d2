import { TenantId } from '../domain/tenant-id';

/**
 * What Invoicing needs from Billing. Billing implements BillingForInvoicing and exports it from
 * BillingModule; Invoicing only calls it (rating lives in Billing's pure domain functions).
 * All amounts are decimal strings; periods are half-open [start, end) instants computed in the
 * customer's timezone by Billing.
 */
export interface DueSubscriptionPeriod {
  tenantId: TenantId;
  subscriptionId: string;
  customerId: string;
  periodStart: Date;
  periodEnd: Date;
}

export type RatedLineKind =
  'base' | 'seat' | 'usage' | 'outcome' | 'minimum_commitment' | 'proration' | 'discount';

export interface RatedLine {
  kind: RatedLineKind;
  description: string;
  /** Decimal string (units, seats, tokens...). */
  quantity: string;
  /** Decimal string, up to 12 decimals. */
  unitAmount: string;
  /** Decimal string, rounded half-even to the currency's minor unit; negative for discounts. */
  amount: string;
  chargeId?: string;
  metricCode?: string;
  metadata?: Record<string, unknown>;
}

/** A verified outcome behind an outcome charge: the invoice's "value receipt". */
export interface BilledOutcome {
  id: string;
  agentId: string;
  type: string;
  value: string;
  currency: string;
  evidence: Record<string, unknown>;
  verifiedAt: Date;
}

export interface RatedPeriod {
  tenantId: TenantId;
  subscriptionId: string;
  customerId: string;
  currency: string;
  periodStart: Date;
  periodEnd: Date;
  lines: RatedLine[];
  /** Sum of non-discount lines. */
  subtotal: string;
  /** Sum of discount lines (<= 0). */
  discountTotal: string;
  /** Tax on (subtotal + discountTotal) at the customer's tax rate, rounded half-even. */
  taxRate: string;
  taxTotal: string;
  /** subtotal + discountTotal + taxTotal, before credits. */
  totalBeforeCredits: string;
  /** Credits the wallet can cover now (Invoicing consumes them when it writes the invoice). */
  creditsAvailable: string;
  outcomes: BilledOutcome[];
  /** Coupon redemptions this period uses (consumed when the invoice is written). */
  couponRedemptionIds: string[];
  /** Who is billed, as read for the rating (the invoice header snapshot). */
  customer: InvoiceCustomer;
}

export interface RecordedOutcome {
  id: string;
  tenantId: TenantId;
  agentId: string;
  customerId: string | null;
  type: string;
  value: string;
  currency: string;
  evidence: Record<string, unknown>;
  status: 'pending' | 'verified' | 'rejected';
  createdAt: Date;
}

/**
 * Billing enqueues this on QUEUES.outcomeVerification (job name 'verify-outcome', jobId = outcomeId)
 * whenever an outcome is recorded; Invoicing's worker processes it.
 */
export interface VerifyOutcomeJob {
  tenantId: string;
  outcomeId: string;
}

export abstract class BillingForInvoicing {
  /** Subscriptions whose current period ended at or before `asOf` and is not invoiced yet. */
  abstract dueSubscriptionPeriods(
    asOf: Date,
    limit: number,
    afterSubscriptionId?: string,
  ): Promise<DueSubscriptionPeriod[]>;

  /** Rate one period (read-only; safe to call for previews). */
  abstract ratePeriod(
    tenantId: TenantId,
    subscriptionId: string,
    period: { start: Date; end: Date },
  ): Promise<RatedPeriod>;

  /** Rate the subscription's current open period up to `asOf` (invoice preview). */
  abstract previewCurrentPeriod(tenantId: TenantId, subscriptionId: string, asOf: Date): Promise<RatedPeriod>;

  /**
   * Called inside Invoicing's transaction (@nestjs-cls/transactional propagates it) when the invoice for
   * the period is written: debits up to `amount` of credits from the wallet (ledger entry referencing the
   * invoice, never below zero), consumes coupon periods, and advances the subscription to its next period.
   * Returns the credit amount actually applied, and the subscription's current period after the commit
   * (null once it has ended for good): a run catching up needs no second read of the subscription.
   * Idempotent per (subscriptionId, periodStart).
   */
  abstract commitInvoicedPeriod(input: {
    tenantId: TenantId;
    subscriptionId: string;
    periodStart: Date;
    periodEnd: Date;
    invoiceId: string;
    creditsToApply: string;
    couponRedemptionIds: string[];
  }): Promise<{ creditsApplied: string; currentPeriod: { start: Date; end: Date } | null }>;

  /** An outcome recorded against an agent (any status), for the verification worker. */
  abstract findOutcome(tenantId: TenantId, outcomeId: string): Promise<RecordedOutcome | null>;

  /** Outcome lifecycle for the verification worker. Only `pending` outcomes change; repeats are no-ops. */
  abstract markOutcome(
    tenantId: TenantId,
    outcomeId: string,
    result: { status: 'verified' | 'rejected'; reason?: string },
  ): Promise<void>;

  /** Subscription status changes driven by invoices/payments (past_due on overdue, active on paid). */
  abstract setSubscriptionStatus(
    tenantId: TenantId,
    subscriptionId: string,
    status: 'active' | 'past_due' | 'canceled',
  ): Promise<void>;

  // --- Added by Invoicing (new members only) ---

  /** Like dueSubscriptionPeriods, for one tenant (manual invoice runs). */
  abstract dueSubscriptionPeriodsOfTenant(
    tenantId: TenantId,
    asOf: Date,
    limit: number,
    afterSubscriptionId?: string,
  ): Promise<DueSubscriptionPeriod[]>;

  /**
   * The subscription's current period if it ended at or before `asOf` and the subscription is live (the next
   * period to invoice when a run catches up); null otherwise.
   */
  abstract duePeriodOf(
    tenantId: TenantId,
    subscriptionId: string,
    asOf: Date,
  ): Promise<DueSubscriptionPeriod | null>;

  /** Who is billed, for the invoice header and PDF (null if the customer does not exist in this tenant). */
  abstract findCustomer(tenantId: TenantId, customerId: string): Promise<InvoiceCustomer | null>;

  /**
   * Adds credits to the customer's wallet (Stripe checkout top-up, credit note to wallet).
   * Idempotent per (tenantId, reference): a repeated reference adds nothing.
   */
  abstract grantCredits(input: {
    tenantId: TenantId;
    customerId: string;
    amount: string;
    reference: string;
    description: string;
  }): Promise<void>;
}

/** Customer details printed on invoices. */
export interface InvoiceCustomer {
  id: string;
  name: string;
  email: string | null;
  externalId: string | null;
  /** Stripe customer id when the customer is linked to Stripe (null = manual collection). */
  stripeCustomerId: string | null;
}
