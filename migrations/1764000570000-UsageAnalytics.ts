import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hourly pre-aggregates of chat usage for the analytics endpoints, one row per (hour, dimension, key):
 * the tenant's total, and per agent, customer, model and API key. Kept by the same statement that writes
 * llm_usage (only rows that statement wrote, so a retried batch never counts twice). Analytics reads only
 * this table: a 90-day series is ~2,000 index-ordered rows for the total, never a scan of llm_usage.
 * The organization's time zone places hours in local days and months at read time.
 */
export class UsageAnalytics1764000570000 implements MigrationInterface {
  name = 'UsageAnalytics1764000570000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organizations ADD COLUMN timezone text NOT NULL DEFAULT 'UTC';
      ALTER TABLE llm_usage ADD COLUMN revenue numeric NOT NULL DEFAULT 0, ADD COLUMN billed_customer_id uuid;
      CREATE TABLE usage_analytics_hourly (
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        dimension text NOT NULL CHECK (dimension IN ('total', 'agent', 'customer', 'model', 'api_key')),
        hour timestamptz NOT NULL,
        -- '' = none (no agent, no billed customer, not an API key; always '' for the total).
        key text NOT NULL,
        requests bigint NOT NULL,
        failed_requests bigint NOT NULL,
        prompt_tokens bigint NOT NULL,
        completion_tokens bigint NOT NULL,
        cost numeric NOT NULL,
        revenue numeric NOT NULL,
        PRIMARY KEY (tenant_id, dimension, hour, key)
      );
      UPDATE llm_usage u SET billed_customer_id = c.id
        FROM customers c
       WHERE c.tenant_id = u.tenant_id
         AND (c.id::text = u.customer_id OR (u.customer_id IS NULL AND c.external_id = u.customer_external_id));
      INSERT INTO usage_analytics_hourly (tenant_id, dimension, hour, key, requests, failed_requests,
        prompt_tokens, completion_tokens, cost, revenue)
      SELECT u.tenant_id, d.dimension, date_trunc('hour', u.occurred_at, 'UTC'), d.key,
             count(*), count(*) FILTER (WHERE u.status <> 'completed'), sum(u.prompt_tokens),
             sum(u.completion_tokens), sum(u.cost), sum(u.revenue)
        FROM llm_usage u
       CROSS JOIN LATERAL (VALUES ('total', ''), ('agent', coalesce(u.agent_id::text, '')),
             ('customer', coalesce(u.billed_customer_id::text, '')), ('model', u.model),
             ('api_key', coalesce(u.api_key_id, ''))) d(dimension, key)
       GROUP BY 1, 2, 3, 4;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS usage_analytics_hourly;
      ALTER TABLE llm_usage DROP COLUMN IF EXISTS revenue, DROP COLUMN IF EXISTS billed_customer_id;
      ALTER TABLE organizations DROP COLUMN IF EXISTS timezone;
    `);
  }
}
