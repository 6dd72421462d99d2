import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { asTenantId } from '../../../shared/domain/tenant-id';
import { crossTenantQuery, tenantQuery } from '../../../shared/persistence/tenant-sql';
import { RecordAttribution, UsageRecord, UsageStore } from '../domain/usage-record';

/**
 * Multi-row insert through unnest (one statement per batch, fixed number of arrays however many rows).
 * The analytics rollup (the total and one row per agent, customer, model and API key each hour) is kept in the same statement from the rows it actually wrote, so a retried batch
 * (same record ids) adds nothing twice. Rows are grouped in key order: concurrent batches lock in one order.
 */
@Injectable()
export class SqlUsageStore extends UsageStore {
  constructor(private readonly db: DataSource) {
    super();
  }

  async insert(records: UsageRecord[], attribution = new Map<string, RecordAttribution>()): Promise<void> {
    if (!records.length) return;
    const col = <K extends keyof UsageRecord>(k: K) => records.map((r) => r[k]);
    await crossTenantQuery(
      this.db,
      'a batch holds the records of many tenants, each row with its own tenant_id',
      `WITH ins AS (
         INSERT INTO llm_usage (id, tenant_id, agent_id, conversation_id, api_key_id, user_id, customer_id,
           customer_external_id, endpoint, provider, model, prompt_tokens, completion_tokens, cost, currency,
           latency_ms, status, error_code, occurred_at, billed_customer_id, revenue, spend_lease_id)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[],
           $8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $13::int[], $14::numeric[], $15::text[],
           $16::int[], $17::text[], $18::text[], $19::timestamptz[], $20::uuid[], $21::numeric[], $22::uuid[])
         ON CONFLICT (id) DO NOTHING
         RETURNING tenant_id, occurred_at, agent_id, billed_customer_id, model, api_key_id, status,
                   prompt_tokens, completion_tokens, cost, revenue
       )
       INSERT INTO usage_analytics_hourly AS a (tenant_id, dimension, hour, key, requests, failed_requests,
         prompt_tokens, completion_tokens, cost, revenue)
       SELECT i.tenant_id, d.dimension, date_trunc('hour', i.occurred_at, 'UTC'), d.key,
              count(*), count(*) FILTER (WHERE i.status <> 'completed'), sum(i.prompt_tokens),
              sum(i.completion_tokens), sum(i.cost), sum(i.revenue)
         FROM ins i
        CROSS JOIN LATERAL (VALUES ('total', ''), ('agent', coalesce(i.agent_id::text, '')),
              ('customer', coalesce(i.billed_customer_id::text, '')), ('model', i.model),
              ('api_key', coalesce(i.api_key_id, ''))) d(dimension, key)
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
       ON CONFLICT (tenant_id, dimension, hour, key) DO UPDATE
          SET requests = a.requests + EXCLUDED.requests,
              failed_requests = a.failed_requests + EXCLUDED.failed_requests,
              prompt_tokens = a.prompt_tokens + EXCLUDED.prompt_tokens,
              completion_tokens = a.completion_tokens + EXCLUDED.completion_tokens,
              cost = a.cost + EXCLUDED.cost,
              revenue = a.revenue + EXCLUDED.revenue`,
      [
        col('id'),
        col('tenantId'),
        col('agentId'),
        col('conversationId'),
        col('apiKeyId'),
        col('userId'),
        records.map((r) => r.customer?.id ?? null),
        records.map((r) => r.customer?.externalId ?? null),
        col('endpoint'),
        col('provider'),
        col('model'),
        col('promptTokens'),
        col('completionTokens'),
        col('cost'),
        col('currency'),
        col('latencyMs'),
        col('status'),
        col('errorCode'),
        col('occurredAt'),
        records.map((r) => attribution.get(r.id)?.customerId ?? null),
        records.map((r) => attribution.get(r.id)?.revenue ?? '0'),
        records.map((r) => r.spendLeaseId ?? null),
      ],
    );
  }

  async recordedCost(tenantId: string, usageId: string): Promise<string | null> {
    const rows = await tenantQuery<{ cost: string }>(
      this.db,
      asTenantId(tenantId),
      `SELECT sum(cost)::text AS cost FROM llm_usage WHERE tenant_id = $1 AND (id = $2 OR spend_lease_id = $2)`,
      [usageId],
    );
    return rows[0]?.cost ?? null;
  }
}
