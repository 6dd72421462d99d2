/**
 * Payments at the outside world's edge (Stripe). Exported by BillingModule: Invoicing pushes finalized
 * invoices through it; Billing uses it for customers and Checkout Sessions. Amounts are decimal strings
 * in currency units (the adapter converts to minor units).
 */
export interface GatewayCustomer {
  id: string;
  tenantId: string;
  name: string;
  email: string | null;
  /** Known external id when the customer is already linked (update instead of create). */
  stripeCustomerId: string | null;
}

export interface PushInvoiceInput {
  tenantId: string;
  /** The gateway's customer id (create it first with upsertCustomer). */
  stripeCustomerId: string;
  invoiceId: string;
  invoiceNumber: string;
  currency: string;
  lines: { description: string; amount: string }[];
  /** Total to collect (after credits); the adapter checks it equals the sum of lines. */
  total: string;
  daysUntilDue?: number;
}

export interface CheckoutInput {
  tenantId: string;
  stripeCustomerId: string;
  mode: 'subscription_payment_setup' | 'credit_top_up';
  currency: string;
  /** For a credit top-up: the amount to pay (and grant once paid). */
  amount?: string;
  description: string;
  successUrl: string;
  cancelUrl: string;
  metadata: Record<string, string>;
  /** Same key, same session (retries of the same request). */
  idempotencyKey: string;
}

export interface RefundInput {
  tenantId: string;
  externalInvoiceId: string;
  /** Decimal string in currency units; at most what was paid on the invoice. */
  amount: string;
  currency: string;
  /** Free text kept with the refund (metadata); Stripe's own reason is `requested_by_customer`. */
  reason: string;
  /** Same key, same refund: a retry never refunds twice. */
  idempotencyKey: string;
  /** Written into the refund's metadata, so its events find the credit note. */
  creditNoteId: string;
}

/** A refund as the gateway reports it (charge.refunded names the charge only). */
export interface GatewayRefund {
  id: string;
  status: RefundStatus;
  failureReason: string | null;
}

export type RefundStatus = 'pending' | 'succeeded' | 'failed';

export type PaymentStatus = 'draft' | 'open' | 'paid' | 'void' | 'uncollectible' | 'unknown';

export abstract class PaymentGateway {
  /** False when no Stripe key is configured: callers skip pushing and collect manually. */
  abstract readonly enabled: boolean;

  /** Creates the gateway customer, or updates it when stripeCustomerId is set; returns its id. */
  abstract upsertCustomer(customer: GatewayCustomer): Promise<string>;

  abstract createCheckoutSession(input: CheckoutInput): Promise<{ id: string; url: string }>;

  /** Creates, fills and finalizes the invoice at the gateway. Idempotent per invoiceId. */
  abstract pushInvoice(input: PushInvoiceInput): Promise<{ externalId: string; hostedUrl?: string }>;

  abstract paymentStatus(externalInvoiceId: string): Promise<PaymentStatus>;

  /**
   * What a refund of `amount` would move at the gateway (decimal string, currency units): Stripe rounds
   * refunds down to the smallest amount it can move, so a KWD 0.004 refund would move 0.
   */
  abstract refundableAmount(amount: string, currency: string): string;

  /** Refunds (part of) the payment that settled a paid gateway invoice. */
  abstract refundInvoicePayment(input: RefundInput): Promise<{ refundId: string; status: RefundStatus }>;

  /** The gateway invoice a payment intent paid (invoice payment intents carry no invoice id of their own). */
  abstract invoiceOfPaymentIntent(paymentIntentId: string): Promise<string | null>;

  /** Every refund of a charge, with its current status. */
  abstract refundsOfCharge(chargeId: string): Promise<GatewayRefund[]>;

  /** Voids an open gateway invoice (already void: no-op). */
  abstract voidInvoice(input: {
    tenantId: string;
    externalInvoiceId: string;
    idempotencyKey: string;
  }): Promise<void>;
}
