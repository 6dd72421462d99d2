import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email notifications: each organization's settings (no row = the defaults), and the outbox of mails, one
 * row per (event, recipient) so a repeated event or a retried job never mails twice.
 */
export class Notifications1764000600000 implements MigrationInterface {
  name = 'Notifications1764000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_settings (
        tenant_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
        enabled_events text[] NOT NULL,
        recipient_roles text[] NOT NULL,
        extra_recipients text[] NOT NULL,
        notify_customer boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE notification_outbox (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        event_type text NOT NULL,
        -- The event's identity, e.g. invoice.finalized:<invoice id>: the same event yields the same key.
        event_key text NOT NULL,
        recipient text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        UNIQUE (tenant_id, event_key, recipient)
      );
      -- The scan finds mails left pending (their job never queued) without reading sent ones.
      CREATE INDEX notification_outbox_pending_idx ON notification_outbox (created_at) WHERE status = 'pending';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS notification_outbox, notification_settings`);
  }
}
