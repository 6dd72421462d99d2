/**
 * Stripe event rules (plain functions). Events may arrive late, twice or out of order; each object's
 * newest applied state is remembered with a rank so an older or "lower" event never moves it backwards.
 */
export interface StoredStripeEvent {
  id: string;
  stripeEventId: string;
  type: string;
  tenantId: string | null;
  eventCreated: Date;
  payload: StripeEventPayload;
  status: 'received' | 'processed' | 'ignored' | 'failed';
}

/** The parts of a Stripe event we read (the full JSON is stored). */
export interface StripeEventPayload {
  id: string;
  type: string;
  created: number;
  data: { object: StripeObject };
}

export interface StripeObject {
  id: string;
  object: string;
  created?: number;
  status?: string | null;
  metadata?: Record<string, string> | null;
  [key: string]: unknown;
}

export const HANDLED_STRIPE_EVENTS = [
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.finalized',
  'invoice.paid',
  'invoice.payment_failed',
  'payment_intent.succeeded',
  'charge.refunded',
  'refund.created',
  'refund.updated',
  'refund.failed',
] as const;

/** Stripe refund status -> Tollgate's (requires_action waits like pending; canceled never moved money). */
export function mapRefundStatus(status: unknown): 'pending' | 'succeeded' | 'failed' {
  if (status === 'succeeded') return 'succeeded';
  return status === 'failed' || status === 'canceled' ? 'failed' : 'pending';
}

/** A refund only leaves pending: succeeded, failed and canceled are final. */
export const refundStatusRank = (status: string): number => (mapRefundStatus(status) === 'pending' ? 0 : 1);

/** Stripe invoice states in lifecycle order; terminal states rank highest. */
const INVOICE_RANK: Record<string, number> = {
  draft: 0,
  open: 1,
  payment_failed: 1,
  uncollectible: 2,
  paid: 3,
  void: 3,
};

export const invoiceStatusRank = (status: string): number => INVOICE_RANK[status] ?? 0;

/** Subscriptions move back and forth (active <-> past_due) except into canceled, which is final. */
export const subscriptionStatusRank = (status: string): number =>
  status === 'canceled' || status === 'incomplete_expired' ? 1 : 0;

/** Stripe subscription status -> Tollgate subscription status (null: nothing to change). */
export function mapSubscriptionStatus(status: string): 'active' | 'past_due' | 'canceled' | null {
  switch (status) {
    case 'active':
    case 'trialing':
      return 'active';
    case 'past_due':
    case 'unpaid':
      return 'past_due';
    case 'canceled':
    case 'incomplete_expired':
      return 'canceled';
    default:
      return null;
  }
}

/**
 * Should a state with (rank, eventCreated) replace the remembered one? Higher rank always wins; an equal
 * rank wins only if its event is not older.
 */
export function isNewerState(
  current: { rank: number; eventCreated: Date } | null,
  next: { rank: number; eventCreated: Date },
): boolean {
  if (!current) return true;
  if (next.rank !== current.rank) return next.rank > current.rank;
  return next.eventCreated.getTime() >= current.eventCreated.getTime();
}

/** Tollgate writes the tenant into the metadata of every Stripe object it creates. */
export const tenantOfStripeObject = (o: StripeObject): string | null =>
  o.metadata?.tenant_id ?? o.metadata?.tollgate_tenant_id ?? null;
