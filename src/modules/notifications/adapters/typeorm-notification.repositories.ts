import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { dec } from '../../../shared/domain/money';
import { asTenantId, TenantId } from '../../../shared/domain/tenant-id';
import { crossTenantQuery, tenantExecute, tenantQuery } from '../../../shared/persistence/tenant-sql';
import {
  EndingTrial,
  EndingTrials,
  MailedEvent,
  Notification,
  NotificationOutbox,
  NotificationSettings,
  NotificationSettingsRepository,
  RecipientDirectory,
  RecipientRole,
} from '../domain/notification';

@Injectable()
export class TypeOrmNotificationSettingsRepository extends NotificationSettingsRepository {
  constructor(private readonly t: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async find(tenantId: TenantId): Promise<NotificationSettings | null> {
    const [r] = await tenantQuery<{
      enabled_events: NotificationSettings['enabledEvents'];
      recipient_roles: RecipientRole[];
      extra_recipients: string[];
      notify_customer: boolean;
      credits_low_threshold: string | null;
    }>(
      this.t.tx,
      tenantId,
      `SELECT enabled_events, recipient_roles, extra_recipients, notify_customer, credits_low_threshold
         FROM notification_settings WHERE tenant_id = $1`,
    );
    return r
      ? {
          enabledEvents: r.enabled_events,
          recipientRoles: r.recipient_roles,
          extraRecipients: r.extra_recipients,
          notifyCustomer: r.notify_customer,
          creditsLowThreshold:
            r.credits_low_threshold === null ? null : dec(r.credits_low_threshold).toString(),
        }
      : null;
  }

  async save(tenantId: TenantId, s: NotificationSettings): Promise<void> {
    await tenantQuery(
      this.t.tx,
      tenantId,
      `INSERT INTO notification_settings
         (tenant_id, enabled_events, recipient_roles, extra_recipients, notify_customer, credits_low_threshold)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id) DO UPDATE SET enabled_events = EXCLUDED.enabled_events,
         recipient_roles = EXCLUDED.recipient_roles, extra_recipients = EXCLUDED.extra_recipients,
         notify_customer = EXCLUDED.notify_customer, credits_low_threshold = EXCLUDED.credits_low_threshold,
         updated_at = now()`,
      [s.enabledEvents, s.recipientRoles, s.extraRecipients, s.notifyCustomer, s.creditsLowThreshold],
    );
  }
}

interface OutboxRow {
  id: string;
  tenant_id: string;
  event_type: MailedEvent;
  event_key: string;
  recipient: string;
  payload: Record<string, unknown>;
  status: Notification['status'];
  attempts: number;
}

const toNotification = (r: OutboxRow): Notification => ({
  id: r.id,
  tenantId: asTenantId(r.tenant_id),
  eventType: r.event_type,
  eventKey: r.event_key,
  recipient: r.recipient,
  payload: r.payload,
  status: r.status,
  attempts: r.attempts,
});

@Injectable()
export class TypeOrmNotificationOutbox extends NotificationOutbox {
  constructor(private readonly t: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async insertNew(rows: Notification[]): Promise<Notification[]> {
    if (!rows.length) return [];
    const inserted = await tenantQuery<OutboxRow>(
      this.t.tx,
      rows[0].tenantId,
      `INSERT INTO notification_outbox (id, tenant_id, event_type, event_key, recipient, payload, status)
       SELECT r.id, $1, r.event_type, r.event_key, r.recipient, r.payload::jsonb, 'pending'
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])
           AS r(id, event_type, event_key, recipient, payload)
       ON CONFLICT (tenant_id, event_key, recipient) DO NOTHING
       RETURNING id, tenant_id, event_type, event_key, recipient, payload, status, attempts`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.eventType),
        rows.map((r) => r.eventKey),
        rows.map((r) => r.recipient),
        rows.map((r) => JSON.stringify(r.payload)),
      ],
    );
    return inserted.map(toNotification);
  }

  async find(tenantId: TenantId, id: string): Promise<Notification | null> {
    const [r] = await tenantQuery<OutboxRow>(
      this.t.tx,
      tenantId,
      `SELECT id, tenant_id, event_type, event_key, recipient, payload, status, attempts
         FROM notification_outbox WHERE tenant_id = $1 AND id = $2`,
      [id],
    );
    return r ? toNotification(r) : null;
  }

  async markSent(tenantId: TenantId, id: string, at: Date): Promise<void> {
    await tenantExecute(
      this.t.tx,
      tenantId,
      `UPDATE notification_outbox SET status = 'sent', sent_at = $3, attempts = attempts + 1
        WHERE tenant_id = $1 AND id = $2 AND status = 'pending'`,
      [id, at],
    );
  }

  async recordFailure(tenantId: TenantId, id: string, error: string, final: boolean): Promise<void> {
    await tenantExecute(
      this.t.tx,
      tenantId,
      `UPDATE notification_outbox SET attempts = attempts + 1, last_error = $3,
         status = CASE WHEN $4::boolean THEN 'failed' ELSE status END
        WHERE tenant_id = $1 AND id = $2 AND status = 'pending'`,
      [id, error, final],
    );
  }

  async stalePending(before: Date, limit: number): Promise<{ tenantId: TenantId; id: string }[]> {
    const rows = await crossTenantQuery<{ tenant_id: string; id: string }>(
      this.t.tx,
      'scheduled scan for mails whose job was never queued',
      `SELECT tenant_id, id FROM notification_outbox
        WHERE status = 'pending' AND created_at < $1 ORDER BY created_at LIMIT $2`,
      [before, limit],
    );
    return rows.map((r) => ({ tenantId: asTenantId(r.tenant_id), id: r.id }));
  }
}

@Injectable()
export class SqlRecipientDirectory extends RecipientDirectory {
  constructor(private readonly t: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async memberEmails(tenantId: TenantId, roles: RecipientRole[]): Promise<string[]> {
    const rows = await tenantQuery<{ email: string }>(
      this.t.tx,
      tenantId,
      `SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.tenant_id = $1 AND m.role = ANY($2::text[]) ORDER BY u.email`,
      [roles],
    );
    return rows.map((r) => r.email);
  }

  async customerEmail(tenantId: TenantId, customerId: string): Promise<string | null> {
    const [r] = await tenantQuery<{ email: string | null }>(
      this.t.tx,
      tenantId,
      `SELECT email FROM customers WHERE tenant_id = $1 AND id = $2`,
      [customerId],
    );
    return r?.email ?? null;
  }

  async organizationName(tenantId: TenantId): Promise<string> {
    const [r] = await tenantQuery<{ name: string }>(
      this.t.tx,
      tenantId,
      `SELECT name FROM organizations WHERE id = $1`,
    );
    return r?.name ?? '';
  }
}

@Injectable()
export class SqlEndingTrials extends EndingTrials {
  constructor(private readonly t: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async between(from: Date, to: Date): Promise<EndingTrial[]> {
    const rows = await crossTenantQuery<{
      tenant_id: string;
      id: string;
      customer_id: string;
      trial_end: Date;
    }>(
      this.t.tx,
      'scheduled scan for trials about to end, in every organization',
      `SELECT tenant_id, id, customer_id, trial_end FROM subscriptions
        WHERE status = 'trialing' AND trial_end > $1 AND trial_end <= $2`,
      [from, to],
    );
    return rows.map((r) => ({
      tenantId: asTenantId(r.tenant_id),
      subscriptionId: r.id,
      customerId: r.customer_id,
      trialEnd: r.trial_end,
    }));
  }
}
