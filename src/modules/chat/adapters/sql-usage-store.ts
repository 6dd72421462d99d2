import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UsageRecord, UsageStore } from '../domain/usage-record';

/** Multi-row insert through unnest (one statement per batch, 17 arrays however many rows). */
@Injectable()
export class SqlUsageStore extends UsageStore {
  constructor(private readonly db: DataSource) {
    super();
  }

  async insert(records: UsageRecord[]): Promise<void> {
    if (!records.length) return;
    const col = <K extends keyof UsageRecord>(k: K) => records.map((r) => r[k]);
    await this.db.query(
      `INSERT INTO llm_usage (id, tenant_id, agent_id, conversation_id, api_key_id, user_id, customer_id,
         customer_external_id, endpoint, provider, model, prompt_tokens, completion_tokens, cost, currency,
         latency_ms, status, error_code, occurred_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $13::int[], $14::numeric[], $15::text[],
         $16::int[], $17::text[], $18::text[], $19::timestamptz[])
       ON CONFLICT (id) DO NOTHING`,
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
      ],
    );
  }

  async recordedCost(tenantId: string, usageId: string): Promise<string | null> {
    const rows = (await this.db.query(
      `SELECT cost::text AS cost FROM llm_usage WHERE tenant_id = $1 AND id = $2`,
      [tenantId, usageId],
    )) as Array<{ cost: string }>;
    return rows[0]?.cost ?? null;
  }
}
