import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TenantId } from '../../../shared/domain/tenant-id';
import { tenantQuery } from '../../../shared/persistence/tenant-sql';
import {
  BucketRow,
  Dimension,
  GroupRow,
  Interval,
  RangeQuery,
  Ranking,
  UsageAnalyticsReader,
  UsageTotals,
} from '../domain/usage-analytics';

/** Ranking expressions over the summed columns of `base` (whitelisted, never from input). */
const RANK_SQL: Record<Ranking, string> = {
  requests: 'sum(requests)',
  tokens: 'sum(prompt_tokens + completion_tokens)',
  cost: 'sum(cost)',
  revenue: 'sum(revenue)',
  margin: 'sum(revenue - cost)',
};

const SUMS = `sum(requests) AS requests, sum(failed_requests) AS failed_requests,
  sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
  sum(cost) AS cost, sum(revenue) AS revenue`;

const LABEL_SQL: Record<Exclude<Dimension, 'model'>, string> = {
  agent: `SELECT id::text AS key, name FROM agents WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
  customer: `SELECT id::text AS key, name FROM customers WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
  api_key: `SELECT id::text AS key, name FROM api_keys WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface TotalsRow {
  requests: string;
  failed_requests: string;
  prompt_tokens: string;
  completion_tokens: string;
  cost: string;
  revenue: string;
}

interface GroupedRow extends TotalsRow {
  key: string | null;
  other: boolean;
}

const totals = (r: TotalsRow): UsageTotals => ({
  requests: Number(r.requests),
  failedRequests: Number(r.failed_requests),
  promptTokens: Number(r.prompt_tokens),
  completionTokens: Number(r.completion_tokens),
  cost: String(r.cost),
  revenue: String(r.revenue),
});

/**
 * Reads usage_analytics_hourly by its primary key (tenant_id, dimension, hour, key): one index range per
 * query. Hours are bucketed with date_trunc in the requested zone; groups past top-N become one `other`.
 */
@Injectable()
export class SqlUsageAnalyticsReader extends UsageAnalyticsReader {
  constructor(private readonly db: DataSource) {
    super();
  }

  async timezoneOf(tenantId: TenantId): Promise<string> {
    const [row] = await tenantQuery<{ timezone: string }>(
      this.db,
      tenantId,
      `SELECT timezone FROM organizations WHERE id = $1`,
    );
    return row?.timezone ?? 'UTC';
  }

  async buckets(
    tenantId: TenantId,
    q: RangeQuery & { interval: Interval; timezone: string },
  ): Promise<BucketRow[]> {
    const rows = await tenantQuery<GroupedRow & { bucket: Date }>(
      this.db,
      tenantId,
      `WITH base AS (
         SELECT date_trunc($4::text, hour, $5::text) AS bucket, key, ${SUMS}
           FROM usage_analytics_hourly
          WHERE tenant_id = $1 AND dimension = $6 AND hour >= $2 AND hour < $3
          GROUP BY 1, 2
       ), ranked AS (
         SELECT key, row_number() OVER (ORDER BY ${RANK_SQL[q.rankBy]} DESC, key) AS rank FROM base GROUP BY key
       )
       SELECT b.bucket, CASE WHEN r.rank <= $7 THEN b.key END AS key, r.rank > $7 AS other,
              sum(b.requests) AS requests, sum(b.failed_requests) AS failed_requests,
              sum(b.prompt_tokens) AS prompt_tokens, sum(b.completion_tokens) AS completion_tokens,
              sum(b.cost) AS cost, sum(b.revenue) AS revenue
         FROM base b JOIN ranked r ON r.key = b.key
        GROUP BY 1, 2, 3 ORDER BY 1, 3, 2`,
      [q.from, q.to, q.interval, q.timezone, q.groupBy ?? 'total', q.top],
    );
    return rows.map((r) => ({
      bucket: r.bucket,
      key: r.other || r.key === '' ? null : r.key,
      other: r.other,
      ...totals(r),
    }));
  }

  async groups(tenantId: TenantId, q: RangeQuery): Promise<GroupRow[]> {
    const rows = await tenantQuery<GroupedRow>(
      this.db,
      tenantId,
      `WITH base AS (
         SELECT key, ${SUMS}, row_number() OVER (ORDER BY ${RANK_SQL[q.rankBy]} DESC, key) AS rank
           FROM usage_analytics_hourly
          WHERE tenant_id = $1 AND dimension = $4 AND hour >= $2 AND hour < $3
          GROUP BY key
       )
       SELECT CASE WHEN rank <= $5 THEN key END AS key, rank > $5 AS other, min(rank) AS rank,
              sum(requests) AS requests, sum(failed_requests) AS failed_requests,
              sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
              sum(cost) AS cost, sum(revenue) AS revenue
         FROM base GROUP BY 1, 2 ORDER BY 3`,
      [q.from, q.to, q.groupBy, q.top],
    );
    return rows.map((r) => ({
      key: r.other || r.key === '' ? null : r.key,
      other: r.other,
      ...totals(r),
    }));
  }

  async labels(tenantId: TenantId, dimension: Dimension, keys: string[]): Promise<Map<string, string>> {
    const ids = keys.filter((k) => UUID.test(k));
    if (dimension === 'model' || !ids.length) return new Map();
    const rows = await tenantQuery<{ key: string; name: string }>(this.db, tenantId, LABEL_SQL[dimension], [
      ids,
    ]);
    return new Map(rows.map((r) => [r.key, r.name]));
  }
}
