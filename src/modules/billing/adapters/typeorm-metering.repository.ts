import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
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
import { num } from './numeric';
import { poolQueryable, tenantQuery } from '../../../shared/persistence/tenant-sql';
import { wholeHourOffset } from '../../../shared/domain/local-date';

interface BillableMetricRecord {
  id: BillableMetric['id'];
  tenant_id: BillableMetric['tenantId'];
  code: BillableMetric['code'];
  name: BillableMetric['name'];
  aggregation: BillableMetric['aggregation'];
  field: BillableMetric['field'];
  filters: BillableMetric['filters'] | null;
  allows_corrections: BillableMetric['allowsCorrections'];
  created_at: BillableMetric['createdAt'];
}

const metricToDomain = (r: BillableMetricRecord): BillableMetric => ({
  id: r.id,
  tenantId: r.tenant_id,
  code: r.code,
  name: r.name,
  aggregation: r.aggregation,
  field: r.field,
  filters: r.filters ?? {},
  allowsCorrections: r.allows_corrections,
  createdAt: r.created_at,
});

const METRIC_COLS = 'id, tenant_id, code, name, aggregation, field, filters, allows_corrections, created_at';

@Injectable()
export class TypeOrmMetricRepository extends MetricRepository {
  constructor(private readonly t: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async insert(m: BillableMetric): Promise<boolean> {
    const rows = await tenantQuery(
      this.t.tx,
      m.tenantId,
      `INSERT INTO billable_metrics (id, tenant_id, code, name, aggregation, field, filters, allows_corrections)
       VALUES ($2,$1,$3,$4,$5,$6,$7,$8) ON CONFLICT (tenant_id, code) DO NOTHING RETURNING id`,
      [m.id, m.code, m.name, m.aggregation, m.field, JSON.stringify(m.filters), m.allowsCorrections],
    );
    return rows.length > 0;
  }

  async ensure(m: BillableMetric): Promise<BillableMetric> {
    await this.insert(m);
    const [found] = await this.findByCodes(m.tenantId, [m.code]);
    return found;
  }

  async find(tenantId: TenantId, id: string): Promise<BillableMetric | null> {
    const rows = await tenantQuery<BillableMetricRecord>(
      this.t.tx,
      tenantId,
      `SELECT ${METRIC_COLS} FROM billable_metrics WHERE tenant_id = $1 AND id = $2`,
      [id],
    );
    return rows[0] ? metricToDomain(rows[0]) : null;
  }

  async findByCodes(tenantId: TenantId, codes: string[]): Promise<BillableMetric[]> {
    const rows = await tenantQuery<BillableMetricRecord>(
      this.t.tx,
      tenantId,
      `SELECT ${METRIC_COLS} FROM billable_metrics WHERE tenant_id = $1 AND code = ANY($2::text[])`,
      [codes],
    );
    return rows.map(metricToDomain);
  }

  async list(tenantId: TenantId): Promise<BillableMetric[]> {
    const rows = await tenantQuery<BillableMetricRecord>(
      this.t.tx,
      tenantId,
      `SELECT ${METRIC_COLS} FROM billable_metrics WHERE tenant_id = $1 ORDER BY code`,
      [],
    );
    return rows.map(metricToDomain);
  }
}

/** Postgres allows 65,535 bind parameters; unnest() arrays keep it to 9 per chunk, chunks bound the statement size. */
const CHUNK = 5000;
const ROLLUP_SHARDS = 16;

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

/** The nine per-event columns as arrays for unnest(), built in one pass (hot path). */
function columns(rows: EventRow[]): unknown[][] {
  const n = rows.length;
  const cols = Array.from({ length: 9 }, () => new Array<unknown>(n));
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    cols[0][i] = r.eventId;
    cols[1][i] = r.customerId;
    cols[2][i] = r.metricId;
    cols[3][i] = r.agentId;
    cols[4][i] = r.ts.toISOString();
    cols[5][i] = r.occurredAt === r.ts ? cols[4][i] : r.occurredAt.toISOString();
    cols[6][i] = r.value;
    cols[7][i] = JSON.stringify(r.properties);
    cols[8][i] = r.late;
  }
  return cols;
}

function filterSql(m: Pick<BillableMetric, 'filters'>, params: unknown[]): string {
  if (!Object.keys(m.filters).length) return '';
  params.push(JSON.stringify(m.filters));
  return `AND e.properties @> $${params.length}::jsonb`;
}

const COST_NUMERIC = `CASE WHEN e.properties->>'cost' ~ '^-?[0-9]{1,24}(\\.[0-9]{1,12})?$' THEN (e.properties->>'cost')::numeric END`;

@Injectable()
export class TypeOrmUsageRepository extends UsageRepository {
  constructor(
    private readonly t: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  /** Outside a transaction the hot insert goes straight to pg's pool (TypeORM's query wrapper costs ~10%). */
  private async write(tenantId: TenantId, text: string, params: unknown[]): Promise<{ event_id: string }[]> {
    if (this.t.isTransactionActive()) return tenantQuery(this.t.tx, tenantId, text, params);
    const pool = poolQueryable((this.dataSource.driver as PostgresDriver).master as Pool);
    for (let attempt = 1; ; attempt++) {
      try {
        return await tenantQuery(pool, tenantId, text, params);
      } catch (err) {
        // The statement is atomic, so a deadlock victim is simply run again.
        if ((err as { code?: string }).code !== '40P01' || attempt >= 3) throw err;
      }
    }
  }

  async insertEvents(tenantId: TenantId, rows: EventRow[]): Promise<Set<string>> {
    const inserted = new Set<string>();
    // Sorted by event id: concurrent batches sharing ids then take the unique-index locks in one order
    // (unsorted, two batches each waiting on the other's uncommitted duplicate deadlock).
    const sorted = [...rows].sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
    for (let i = 0; i < sorted.length; i += CHUNK) {
      const chunk = sorted.slice(i, i + CHUNK);
      // The primary key (tenant_id, event_id) is the dedupe, in the same statement as the write; the hourly
      // rollup adds only the rows that statement wrote, into a random shard (sorted keys: one lock order).
      const result = await this.write(
        tenantId,
        `WITH ins AS (
           INSERT INTO usage_events (tenant_id, event_id, customer_id, metric_id, agent_id, ts, occurred_at, value, properties, late)
           SELECT $1, * FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::timestamptz[], $7::timestamptz[],
                                    $8::numeric[], $9::jsonb[], $10::boolean[])
           ON CONFLICT (tenant_id, event_id) DO NOTHING
           RETURNING event_id, customer_id, metric_id, agent_id, ts, value
         ), rolled AS (
           INSERT INTO usage_rollups_hourly AS r (tenant_id, customer_id, metric_id, agent_id, hour, shard, events, value_sum, value_max)
           SELECT $1, customer_id, metric_id, agent_id, date_trunc('hour', ts, 'UTC') AS hour, $11::smallint, count(*), coalesce(sum(value), 0), max(value)
             FROM ins WHERE customer_id IS NOT NULL
            GROUP BY customer_id, metric_id, agent_id, 5 ORDER BY customer_id, metric_id, agent_id, 5
           ON CONFLICT ON CONSTRAINT usage_rollups_hourly_key DO UPDATE
              SET events = r.events + EXCLUDED.events,
                  value_sum = r.value_sum + EXCLUDED.value_sum,
                  value_max = greatest(r.value_max, EXCLUDED.value_max)
         )
         SELECT event_id FROM ins`,
        [...columns(chunk), Math.floor(Math.random() * ROLLUP_SHARDS)],
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
    const [row] = await this.aggregateRows(tenantId, customerId, metric, period.start, period.end, null);
    return { quantity: row ? (num(row.value) ?? '0') : '0', events: row ? Number(row.events) : 0 };
  }

  async summary(
    tenantId: TenantId,
    q: { customerId: string; from: Date; to: Date; groupBy: 'metric' | 'agent' | 'day'; timezone: string },
  ): Promise<SummaryRow[]> {
    const metrics = await tenantQuery<BillableMetricRecord>(
      this.t.tx,
      tenantId,
      `SELECT ${METRIC_COLS} FROM billable_metrics WHERE tenant_id = $1 ORDER BY code`,
      [],
    ).then((r) => r.map(metricToDomain));
    const group =
      q.groupBy === 'metric'
        ? null
        : q.groupBy === 'agent'
          ? ({ kind: 'agent' } as const)
          : ({ kind: 'day', timezone: q.timezone } as const);
    const out: SummaryRow[] = [];
    for (const m of metrics) {
      const rows = await this.aggregateRows(tenantId, q.customerId, m, q.from, q.to, group);
      for (const r of rows) {
        if (Number(r.events) === 0) continue;
        out.push({
          metricCode: m.code,
          aggregation: m.aggregation,
          ...(q.groupBy === 'agent' ? { agentId: r.grp } : {}),
          ...(q.groupBy === 'day' ? { day: r.grp as string } : {}),
          value: num(r.value) ?? '0',
          events: Number(r.events),
        });
      }
    }
    return out;
  }

  /**
   * One metric's aggregate over [from, to), optionally grouped. count/sum/max metrics without filters read
   * whole hours from usage_rollups_hourly and only the partial first/last hour from usage_events; the
   * others (unique_count, latest, filtered) read usage_events through the covering index.
   */
  private aggregateRows(
    tenantId: TenantId,
    customerId: string,
    m: BillableMetric,
    from: Date,
    to: Date,
    group: { kind: 'agent' } | { kind: 'day'; timezone: string } | null,
  ): Promise<{ grp?: string | null; value: string; events: string | number }[]> {
    // $1 is the tenant (bound by tenantQuery, hence params.slice(1)); p() numbers the parameters after it.
    const params: unknown[] = [tenantId, customerId, m.id];
    const p = (v: unknown) => (params.push(v), `$${params.length}`);
    const rollable =
      ['count', 'sum', 'max'].includes(m.aggregation) &&
      !Object.keys(m.filters).length &&
      (group?.kind !== 'day' || wholeHourOffset(group.timezone, from, to));
    const grpOf = (col: string) =>
      !group
        ? null
        : group.kind === 'agent'
          ? 'agent_id'
          : `to_char(${col} AT TIME ZONE ${p(group.timezone)}::text, 'YYYY-MM-DD')`;
    const outer = group ? 'grp,' : '';
    const groupBy = group ? 'GROUP BY 1' : '';
    const valueOf = (events: string, sum: string, max: string) =>
      m.aggregation === 'count'
        ? `${events}::numeric`
        : m.aggregation === 'sum'
          ? `coalesce(${sum}, 0)`
          : `coalesce(${max}, 0)`;
    const scope = `tenant_id = $1 AND customer_id = $2 AND metric_id = $3`;

    if (!rollable) {
      const grp = grpOf('e.ts');
      const expr = aggregateExpr(m, params);
      const filter = filterSql(m, params);
      return tenantQuery(
        this.t.tx,
        tenantId,
        `SELECT ${grp ? `${grp} AS grp,` : ''} ${expr} AS value, count(*) AS events
           FROM usage_events e WHERE e.${scope.replace(/ AND /g, ' AND e.')} AND e.ts >= ${p(from)} AND e.ts < ${p(to)} ${filter}
           ${groupBy} ${group ? 'ORDER BY 1' : ''}`,
        params.slice(1),
      );
    }
    const HOUR = 3_600_000;
    const hourStart = new Date(Math.ceil(from.getTime() / HOUR) * HOUR);
    const hourEnd = new Date(Math.floor(to.getTime() / HOUR) * HOUR);
    const hours = hourStart < hourEnd;
    // Without whole hours inside the range everything comes from usage_events.
    const edges: [Date, Date][] = hours
      ? [
          [from, hourStart],
          [hourEnd, to],
        ]
      : [[from, to]];
    const rawRange = edges.map(([a, b]) => `(ts >= ${p(a)} AND ts < ${p(b)})`).join(' OR ');
    const rollGrp = grpOf('hour');
    const rawGrp = grpOf('ts');
    const parts = [
      `SELECT ${rawGrp ? `${rawGrp} AS grp,` : ''} count(*) AS events, coalesce(sum(value), 0) AS s, max(value) AS mx
         FROM usage_events WHERE ${scope} AND (${rawRange}) ${groupBy}`,
    ];
    if (hours)
      parts.push(
        `SELECT ${rollGrp ? `${rollGrp} AS grp,` : ''} sum(events) AS events, sum(value_sum) AS s, max(value_max) AS mx
           FROM usage_rollups_hourly WHERE ${scope} AND hour >= ${p(hourStart)} AND hour < ${p(hourEnd)} ${groupBy}`,
      );
    return tenantQuery(
      this.t.tx,
      tenantId,
      `SELECT ${outer} ${valueOf('sum(events)', 'sum(s)', 'max(mx)')} AS value, coalesce(sum(events), 0) AS events
         FROM (${parts.join(' UNION ALL ')}) x ${groupBy} ${group ? 'ORDER BY 1' : ''}`,
      params.slice(1),
    );
  }

  async perTransactionTotal(
    tenantId: TenantId,
    customerId: string,
    metric: BillableMetric,
    period: { start: Date; end: Date },
    price: { rate: string; perTransactionMin?: string; perTransactionMax?: string },
  ): Promise<string> {
    // GREATEST/LEAST skip NULLs: a missing bound clamps nothing. Raw events (the rollups keep only sums).
    // $1 is the tenant (bound by tenantQuery, hence params.slice(1)); filterSql numbers its own after it.
    const params: unknown[] = [
      tenantId,
      customerId,
      metric.id,
      period.start,
      period.end,
      price.rate,
      price.perTransactionMin ?? null,
      price.perTransactionMax ?? null,
    ];
    const [row] = await tenantQuery<{ total: string }>(
      this.t.tx,
      tenantId,
      `SELECT coalesce(sum(least(greatest(e.value * $6::numeric / 100, $7::numeric), $8::numeric)), 0) AS total
         FROM usage_events e
        WHERE e.tenant_id = $1 AND e.customer_id = $2 AND e.metric_id = $3 AND e.ts >= $4 AND e.ts < $5
          AND e.value IS NOT NULL ${filterSql(metric, params)}`,
      params.slice(1),
    );
    return num(row?.total) ?? '0';
  }

  async costSpent(
    tenantId: TenantId,
    customerId: string,
    metricIds: string[],
    from: Date,
    to: Date,
  ): Promise<string> {
    const [row] = await tenantQuery<{ spent: string }>(
      this.t.tx,
      tenantId,
      `SELECT coalesce(sum(${COST_NUMERIC}), 0) AS spent
         FROM usage_events e
        WHERE e.tenant_id = $1 AND e.customer_id = $2 AND e.metric_id = ANY($3::uuid[]) AND e.ts >= $4 AND e.ts < $5
          AND e.properties ? 'cost'`,
      [customerId, metricIds, from, to],
    );
    return num(row.spent) ?? '0';
  }

  async agentActivity(tenantId: TenantId, agentId: string): Promise<{ events: number; quantity: string }> {
    const [row] = await tenantQuery<{ events: number; quantity: string }>(
      this.t.tx,
      tenantId,
      `SELECT count(*)::int AS events, coalesce(sum(value), 0) AS quantity
         FROM usage_events WHERE tenant_id = $1 AND agent_id = $2`,
      [agentId],
    );
    return { events: row.events, quantity: num(row.quantity) ?? '0' };
  }
}
