import {
  BilledOutcome,
  InvoiceCustomer,
  RatedLine,
  RatedPeriod,
} from '../../../shared/contracts/billing-for-invoicing';
import { dec, formatMoney, roundMoney } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';

export const INVOICE_STATUSES = ['draft', 'finalized', 'paid', 'void', 'uncollectible'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** draft -> finalized -> paid | void | uncollectible; drafts may be voided; uncollectible may still be paid. */
const TRANSITIONS: Record<InvoiceStatus, InvoiceStatus[]> = {
  draft: ['finalized', 'paid', 'void'],
  finalized: ['paid', 'void', 'uncollectible'],
  uncollectible: ['paid', 'void'],
  paid: [],
  void: [],
};

export const canTransition = (from: InvoiceStatus, to: InvoiceStatus): boolean =>
  TRANSITIONS[from].includes(to);

export interface InvoiceLine {
  id: string;
  position: number;
  kind: RatedLine['kind'];
  description: string;
  quantity: string;
  unitAmount: string;
  amount: string;
  chargeId: string | null;
  metricCode: string | null;
  metadata: Record<string, unknown>;
}

export interface Invoice {
  id: string;
  tenantId: TenantId;
  subscriptionId: string;
  customerId: string;
  status: InvoiceStatus;
  number: string | null;
  currency: string;
  periodStart: Date;
  periodEnd: Date;
  subtotal: string;
  discountTotal: string;
  taxRate: string;
  taxTotal: string;
  creditsApplied: string;
  /** Amount due: subtotal + discounts + tax - credits. */
  total: string;
  amountCredited: string;
  customer: Partial<InvoiceCustomer>;
  outcomes: BilledOutcome[];
  graceUntil: Date;
  finalizedAt: Date | null;
  dueAt: Date | null;
  paidAt: Date | null;
  voidedAt: Date | null;
  overdueAt: Date | null;
  paymentFailedAt: Date | null;
  collectionMethod: 'manual' | 'stripe';
  stripeInvoiceId: string | null;
  paidExternallyAt: Date | null;
  createdAt: Date;
  lines: InvoiceLine[];
}

/** What rating a period puts on an invoice: amounts, customer snapshot, outcomes and lines. */
export type InvoiceContent = Pick<
  Invoice,
  | 'subtotal'
  | 'discountTotal'
  | 'taxRate'
  | 'taxTotal'
  | 'creditsApplied'
  | 'total'
  | 'customer'
  | 'outcomes'
  | 'lines'
>;

/**
 * Number series of an invoice or credit note, like INV-2026: gapless per tenant, prefix and year. The number
 * (INV-2026-000123) is taken and formatted by the database at commit: `take_document_number`, migration
 * 1764000660000.
 */
export const numberSeries = (prefix: string, at: Date): string => `${prefix}-${at.getUTCFullYear()}`;

/** Credits cover at most what is owed; never negative. */
export function creditsToApply(
  rated: Pick<RatedPeriod, 'totalBeforeCredits' | 'creditsAvailable' | 'currency'>,
): string {
  const owed = dec(rated.totalBeforeCredits);
  const available = dec(rated.creditsAvailable);
  const apply = owed.lte(0) || available.lte(0) ? dec(0) : owed.lt(available) ? owed : available;
  return formatMoney(apply, rated.currency);
}

export function amountDue(totalBeforeCredits: string, creditsApplied: string, currency: string): string {
  return formatMoney(roundMoney(dec(totalBeforeCredits).minus(creditsApplied), currency), currency);
}
