import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TenantId } from '../../../shared/domain/tenant-id';
import {
  Aggregate,
  BillableMetric,
  EventRow,
  MetricRepository,
  SummaryRow,
  UsageRepository,
} from '../domain/metering';
import { num, sql } from './sql';

const metricToDomain = (r: any): BillableMetric => ({
  id: r.id,
  tenantId: r.tenant_id,
  code: r.code,
  name: r.name,
  aggregation: r.aggregation,
  field: r.field,
  filters: r.filters ?? {},
  createdAt: r.created_at,
});

const METRIC_COLS = 'id, tenant_id, code, name, aggregation, field, filters, created_at';

@Injectable()
export class TypeOrmMetricRepository extends MetricRepository {
  constructor(private readonly t: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async insert(m: BillableMetric): Promise<boolean> {
    const rows = await sql(
      this.t,
      `INSERT INTO billable_metrics (id, tenant_id, code, name, aggregation, field, filters)
       VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (tenant_id, code) DO NOTHING RETURNING id`,
      [m.id, m.tenantId, m.code, m.name, m.aggregation, m.field, JSON.stringify(m.filters)],
    );
    return rows.length > 0;
  }

  async ensure(m: BillableMetric): Promise<BillableMetric> {
    await this.insert(m);
    const [found] = await this.findByCodes(m.tenantId, [m.code]);
    return found;
  }

  async find(tenantId: TenantId, id: string): Promise<BillableMetric | null> {
    const rows = await sql(this.t, `SELECT ${METRIC_COLS} FROM billable_metrics WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      id,
    ]);
    return rows[0] ? metricToDomain(rows[0]) : null;
  }

  async findByCodes(tenantId: TenantId, codes: string[]): Promise<BillableMetric[]> {
    const rows = await sql(
      this.t,
      `SELECT ${METRIC_COLS} FROM billable_metrics WHERE tenant_id = $1 AND code = ANY($2::text[])`,
      [tenantId, codes],
    );
    return rows.map(metricToDomain);
  }

  async list(tenantId: TenantId): Promise<BillableMetric[]> {
    const rows = await sql(this.t, `SELECT ${METRIC_COLS} FROM billable_metrics WHERE tenant_id = $1 ORDER BY code`, [
      tenantId,
    ]);
    return rows.map(metricToDomain);
  }
}

/** Postgres allows 65,535 bind parameters; unnest() arrays keep it to 9 per chunk, chunks bound the statement size. */
const CHUNK = 5000;

/** SQL expression aggregating `e.value` the way the metric says (alias e); may bind the metric's field. */
function aggregateExpr(m: Pick<BillableMetric, 'aggregation' | 'field'>, params: unknown[]): string {
  switch (m.aggregation) {
    case 'count':
      return 'count(*)::numeric';
    case 'sum':
      return 'coalesce(sum(e.value), 0)';
    case 'max':
      return 'coalesce(max(e.value), 0)';
    case 'unique_count':
      params.push(m.field);
      return `count(DISTINCT e.properties->>$${params.length}::text)::numeric`;
    case 'latest':
      return 'coalesce((array_agg(e.value ORDER BY e.ts DESC))[1], 0)';
  }
}

function filterSql(m: Pick<BillableMetric, 'filters'>, params: unknown[]): string {
  if (!Object.keys(m.filters).length) return '';
  params.push(JSON.stringify(m.filters));
  return `AND e.properties @> $${params.length}::jsonb`;
}

const COST_NUMERIC = `CASE WHEN e.properties->>'cost' ~ '^-?[0-9]{1,24}(\\.[0-9]{1,12})?$' THEN (e.properties->>'cost')::numeric END`;

@Injectable()
export class TypeOrmUsageRepository extends UsageRepository {
  constructor(private readonly t: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async insertEvents(tenantId: TenantId, rows: EventRow[]): Promise<Set<string>> {
    const inserted = new Set<string>();
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      // The primary key (tenant_id, event_id) is the dedupe, in the same statement as the write.
      const result = await sql<{ event_id: string }>(
        this.t,
        `INSERT INTO usage_events (tenant_id, event_id, customer_id, metric_id, agent_id, ts, occurred_at, value, properties, late)
         SELECT $1, * FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::timestamptz[], $7::timestamptz[],
                                  $8::numeric[], $9::jsonb[], $10::boolean[])
         ON CONFLICT (tenant_id, event_id) DO NOTHING
         RETURNING event_id`,
        [
          tenantId,
          chunk.map((r) => r.eventId),
          chunk.map((r) => r.customerId),
          chunk.map((r) => r.metricId),
          chunk.map((r) => r.agentId),
          chunk.map((r) => r.ts.toISOString()),
          chunk.map((r) => r.occurredAt.toISOString()),
          chunk.map((r) => r.value),
          chunk.map((r) => JSON.stringify(r.properties)),
          chunk.map((r) => r.late),
        ],
      );
      for (const r of result) inserted.add(r.event_id);
    }
    return inserted;
  }

  async aggregate(
    tenantId: TenantId,
    customerId: string,
    metric: BillableMetric,
    period: { start: Date; end: Date },
  ): Promise<Aggregate> {
    const params: unknown[] = [tenantId, customerId, metric.id, period.start, period.end];
    const expr = aggregateExpr(metric, params);
    const filter = filterSql(metric, params);
    const [row] = await sql(
      this.t,
      `SELECT ${expr} AS quantity, count(*)::int AS events
         FROM usage_events e
        WHERE e.tenant_id = $1 AND e.customer_id = $2 AND e.metric_id = $3 AND e.ts >= $4 AND e.ts < $5 ${filter}`,
      params,
    );
    return { quantity: num(row.quantity) ?? '0', events: row.events };
  }

  async summary(
    tenantId: TenantId,
    q: { customerId: string; from: Date; to: Date; groupBy: 'metric' | 'agent' | 'day'; timezone: string },
  ): Promise<SummaryRow[]> {
    const metrics = await sql(
      this.t,
      `SELECT ${METRIC_COLS} FROM billable_metrics WHERE tenant_id = $1 ORDER BY code`,
      [tenantId],
    ).then((r) => r.map(metricToDomain));
    const out: SummaryRow[] = [];
    // One aggregate query per metric keeps each an index-only range scan on (tenant, customer, metric, ts).
    for (const m of metrics) {
      const params: unknown[] = [tenantId, q.customerId, m.id, q.from, q.to];
      let groupCol: string | null = null;
      if (q.groupBy === 'agent') groupCol = 'e.agent_id';
      if (q.groupBy === 'day') {
        params.push(q.timezone);
        groupCol = `to_char(e.ts AT TIME ZONE $${params.length}::text, 'YYYY-MM-DD')`;
      }
      const expr = aggregateExpr(m, params);
      const filter = filterSql(m, params);
      const rows = await sql(
        this.t,
        `SELECT ${groupCol ? `${groupCol} AS grp,` : ''} ${expr} AS value, count(*)::int AS events
           FROM usage_events e
          WHERE e.tenant_id = $1 AND e.customer_id = $2 AND e.metric_id = $3 AND e.ts >= $4 AND e.ts < $5 ${filter}
          ${groupCol ? 'GROUP BY 1 ORDER BY 1' : ''}`,
        params,
      );
      for (const r of rows) {
        if (r.events === 0) continue;
        out.push({
          metricCode: m.code,
          aggregation: m.aggregation,
          ...(q.groupBy === 'agent' ? { agentId: r.grp } : {}),
          ...(q.groupBy === 'day' ? { day: r.grp } : {}),
          value: num(r.value) ?? '0',
          events: r.events,
        });
      }
    }
    return out;
  }

  async costSpent(tenantId: TenantId, customerId: string, metricIds: string[], from: Date, to: Date): Promise<string> {
    const [row] = await sql(
      this.t,
      `SELECT coalesce(sum(${COST_NUMERIC}), 0) AS spent
         FROM usage_events e
        WHERE e.tenant_id = $1 AND e.customer_id = $2 AND e.metric_id = ANY($3::uuid[]) AND e.ts >= $4 AND e.ts < $5
          AND e.properties ? 'cost'`,
      [tenantId, customerId, metricIds, from, to],
    );
    return num(row.spent) ?? '0';
  }

  async agentActivity(tenantId: TenantId, agentId: string): Promise<{ events: number; quantity: string }> {
    const [row] = await sql(
      this.t,
      `SELECT count(*)::int AS events, coalesce(sum(value), 0) AS quantity
         FROM usage_events WHERE tenant_id = $1 AND agent_id = $2`,
      [tenantId, agentId],
    );
    return { events: row.events, quantity: num(row.quantity) ?? '0' };
  }
}
