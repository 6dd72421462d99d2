import { Role } from '../../../shared/context/principal';
import { TenantId } from '../../../shared/domain/tenant-id';

/** Events an organization can turn on or off (all on by default). */
export const NOTIFICATION_EVENTS = [
  'invoice.finalized',
  'invoice.payment_failed',
  'credits.low',
  'subscription.trial_ending',
  'spend_cap.reached',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** Every mail this module sends: the settings' events, plus invitations (always sent, to the invitee). */
export type MailedEvent = NotificationEvent | 'member.invited';

/** Roles whose members may be named as recipients. */
export const RECIPIENT_ROLES = ['owner', 'admin', 'billing'] as const satisfies readonly Role[];
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

export interface NotificationSettings {
  enabledEvents: NotificationEvent[];
  /** Members of the organization with these roles receive the mails. */
  recipientRoles: RecipientRole[];
  /** Further addresses (a shared finance inbox, say). */
  extraRecipients: string[];
  /** Also mail the billed customer (its `email`) about its own invoices, credits, trial and cap. */
  notifyCustomer: boolean;
  /**
   * The organization's own credits-low threshold (a decimal string in the wallet's currency): a debit
   * taking a wallet from at least this balance to below it emits `credits.low`. Null: the global
   * CREDITS_LOW_THRESHOLD.
   */
  creditsLowThreshold: string | null;
}

export const DEFAULT_SETTINGS: NotificationSettings = {
  enabledEvents: [...NOTIFICATION_EVENTS],
  recipientRoles: ['owner', 'admin'],
  extraRecipients: [],
  notifyCustomer: false,
  creditsLowThreshold: null,
};

/** One mail of one event to one recipient: the outbox row. */
export interface Notification {
  id: string;
  tenantId: TenantId;
  eventType: MailedEvent;
  eventKey: string;
  recipient: string;
  payload: Record<string, unknown>;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
}

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/**
 * Which collection attempt failed: Stripe's `attemptCount` when the event carries it, else the Stripe event
 * that reported it, else the invoice alone (a failure recorded without either is mailed once per invoice).
 */
function paymentAttemptOf(p: Record<string, unknown>): string {
  if (typeof p.attemptCount === 'number' && p.attemptCount > 0) return `attempt-${p.attemptCount}`;
  if (typeof p.stripeEventId === 'string' && p.stripeEventId) return `event-${p.stripeEventId}`;
  return 'invoice';
}

/**
 * The identity of an event, the same however often it is published: what makes a mail "once per event".
 * Null when the payload lacks what identifies it (nothing is sent rather than something twice).
 */
export function eventKeyOf(type: MailedEvent, p: Record<string, unknown>): string | null {
  const parts: Record<MailedEvent, unknown[]> = {
    'invoice.finalized': [p.invoiceId],
    // Once per collection attempt: a repeat of the same attempt adds nothing, a later attempt mails again.
    'invoice.payment_failed': [p.invoiceId, paymentAttemptOf(p)],
    // One crossing of the threshold per debit: the debit's reference names it.
    'credits.low': [p.customerId, p.reference],
    'subscription.trial_ending': [p.subscriptionId, p.trialEnd],
    // The budget key names the cap and its period: once per cap and period.
    'spend_cap.reached': [p.budgetKey],
    'member.invited': [p.invitationId],
  };
  const values = parts[type].map(str);
  return values.every(Boolean) ? `${type}:${values.join(':')}` : null;
}

export abstract class NotificationSettingsRepository {
  abstract find(tenantId: TenantId): Promise<NotificationSettings | null>;
  abstract save(tenantId: TenantId, settings: NotificationSettings): Promise<void>;
}

export abstract class NotificationOutbox {
  /** Inserts the rows not already there (same tenant, event key and recipient); returns those inserted. */
  abstract insertNew(rows: Notification[]): Promise<Notification[]>;
  abstract find(tenantId: TenantId, id: string): Promise<Notification | null>;
  abstract markSent(tenantId: TenantId, id: string, at: Date): Promise<void>;
  abstract recordFailure(tenantId: TenantId, id: string, error: string, final: boolean): Promise<void>;
  /** Pending rows older than `before`, across tenants (their job may never have been queued). */
  abstract stalePending(before: Date, limit: number): Promise<{ tenantId: TenantId; id: string }[]>;
}

/** Who can be mailed in an organization, and what the mails call it. */
export abstract class RecipientDirectory {
  abstract memberEmails(tenantId: TenantId, roles: RecipientRole[]): Promise<string[]>;
  abstract customerEmail(tenantId: TenantId, customerId: string): Promise<string | null>;
  abstract organizationName(tenantId: TenantId): Promise<string>;
}

export interface EndingTrial {
  tenantId: TenantId;
  subscriptionId: string;
  customerId: string;
  trialEnd: Date;
}

/** Subscriptions, across tenants, whose trial ends in (from, to]. */
export abstract class EndingTrials {
  abstract between(from: Date, to: Date): Promise<EndingTrial[]>;
}
