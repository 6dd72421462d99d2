import { TenantId } from '../domain/tenant-id';

/** Event types Tollgate delivers to tenants' webhook endpoints (docs/modules/webhooks.md and docs/modules/billing.md list them with their payloads). */
export const WEBHOOK_EVENT_TYPES = [
  'invoice.finalized',
  'invoice.paid',
  'invoice.voided',
  'invoice.payment_failed',
  'invoice.overdue',
  'credit_note.created',
  'subscription.updated',
  'outcome.verified',
  'outcome.rejected',
  'credits.low',
  'spend_cap.reached',
  'member.invited',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * Outbound webhook events. WebhooksModule provides it; any module that imports it may publish. Publishing
 * records one delivery per subscribed endpoint and queues it (signed, retried with backoff over ~24 h).
 * Call it after your transaction commits when you can; inside one it joins the transaction, so a
 * rollback drops the event too.
 */
export abstract class WebhookEvents {
  abstract publish(
    tenantId: TenantId,
    type: WebhookEventType,
    payload: Record<string, unknown>,
  ): Promise<void>;
}
