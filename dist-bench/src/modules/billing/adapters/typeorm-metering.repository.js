"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TypeOrmUsageRepository = exports.TypeOrmMetricRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const transactional_1 = require("@nestjs-cls/transactional");
const metering_1 = require("../domain/metering");
const sql_1 = require("./sql");
const periods_1 = require("../domain/periods");
const metricToDomain = (r) => ({
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
let TypeOrmMetricRepository = class TypeOrmMetricRepository extends metering_1.MetricRepository {
    t;
    constructor(t) {
        super();
        this.t = t;
    }
    async insert(m) {
        const rows = await (0, sql_1.sql)(this.t, `INSERT INTO billable_metrics (id, tenant_id, code, name, aggregation, field, filters)
       VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (tenant_id, code) DO NOTHING RETURNING id`, [m.id, m.tenantId, m.code, m.name, m.aggregation, m.field, JSON.stringify(m.filters)]);
        return rows.length > 0;
    }
    async ensure(m) {
        await this.insert(m);
        const [found] = await this.findByCodes(m.tenantId, [m.code]);
        return found;
    }
    async find(tenantId, id) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT ${METRIC_COLS} FROM billable_metrics WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
        return rows[0] ? metricToDomain(rows[0]) : null;
    }
    async findByCodes(tenantId, codes) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT ${METRIC_COLS} FROM billable_metrics WHERE tenant_id = $1 AND code = ANY($2::text[])`, [tenantId, codes]);
        return rows.map(metricToDomain);
    }
    async list(tenantId) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT ${METRIC_COLS} FROM billable_metrics WHERE tenant_id = $1 ORDER BY code`, [tenantId]);
        return rows.map(metricToDomain);
    }
};
exports.TypeOrmMetricRepository = TypeOrmMetricRepository;
exports.TypeOrmMetricRepository = TypeOrmMetricRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transactional_1.TransactionHost])
], TypeOrmMetricRepository);
const CHUNK = 5000;
const ROLLUP_SHARDS = 16;
function aggregateExpr(m, params) {
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
function columns(rows) {
    const n = rows.length;
    const cols = Array.from({ length: 9 }, () => new Array(n));
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
function filterSql(m, params) {
    if (!Object.keys(m.filters).length)
        return '';
    params.push(JSON.stringify(m.filters));
    return `AND e.properties @> $${params.length}::jsonb`;
}
const COST_NUMERIC = `CASE WHEN e.properties->>'cost' ~ '^-?[0-9]{1,24}(\\.[0-9]{1,12})?$' THEN (e.properties->>'cost')::numeric END`;
let TypeOrmUsageRepository = class TypeOrmUsageRepository extends metering_1.UsageRepository {
    t;
    dataSource;
    constructor(t, dataSource) {
        super();
        this.t = t;
        this.dataSource = dataSource;
    }
    async write(text, params) {
        if (this.t.isTransactionActive())
            return (0, sql_1.sql)(this.t, text, params);
        const pool = this.dataSource.driver.master;
        for (let attempt = 1;; attempt++) {
            try {
                return (await pool.query(text, params)).rows;
            }
            catch (err) {
                if (err.code !== '40P01' || attempt >= 3)
                    throw err;
            }
        }
    }
    async insertEvents(tenantId, rows) {
        const inserted = new Set();
        const sorted = [...rows].sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
        for (let i = 0; i < sorted.length; i += CHUNK) {
            const chunk = sorted.slice(i, i + CHUNK);
            const result = await this.write(`WITH ins AS (
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
         SELECT event_id FROM ins`, [tenantId, ...columns(chunk), Math.floor(Math.random() * ROLLUP_SHARDS)]);
            for (const r of result)
                inserted.add(r.event_id);
        }
        return inserted;
    }
    async aggregate(tenantId, customerId, metric, period) {
        const [row] = await this.aggregateRows(tenantId, customerId, metric, period.start, period.end, null);
        return { quantity: row ? ((0, sql_1.num)(row.value) ?? '0') : '0', events: row ? Number(row.events) : 0 };
    }
    async summary(tenantId, q) {
        const metrics = await (0, sql_1.sql)(this.t, `SELECT ${METRIC_COLS} FROM billable_metrics WHERE tenant_id = $1 ORDER BY code`, [tenantId]).then((r) => r.map(metricToDomain));
        const group = q.groupBy === 'metric'
            ? null
            : q.groupBy === 'agent'
                ? { kind: 'agent' }
                : { kind: 'day', timezone: q.timezone };
        const out = [];
        for (const m of metrics) {
            const rows = await this.aggregateRows(tenantId, q.customerId, m, q.from, q.to, group);
            for (const r of rows) {
                if (Number(r.events) === 0)
                    continue;
                out.push({
                    metricCode: m.code,
                    aggregation: m.aggregation,
                    ...(q.groupBy === 'agent' ? { agentId: r.grp } : {}),
                    ...(q.groupBy === 'day' ? { day: r.grp } : {}),
                    value: (0, sql_1.num)(r.value) ?? '0',
                    events: Number(r.events),
                });
            }
        }
        return out;
    }
    aggregateRows(tenantId, customerId, m, from, to, group) {
        const params = [tenantId, customerId, m.id];
        const p = (v) => (params.push(v), `$${params.length}`);
        const rollable = ['count', 'sum', 'max'].includes(m.aggregation) &&
            !Object.keys(m.filters).length &&
            (group?.kind !== 'day' || (0, periods_1.wholeHourOffset)(group.timezone, from, to));
        const grpOf = (col) => !group
            ? null
            : group.kind === 'agent'
                ? 'agent_id'
                : `to_char(${col} AT TIME ZONE ${p(group.timezone)}::text, 'YYYY-MM-DD')`;
        const outer = group ? 'grp,' : '';
        const groupBy = group ? 'GROUP BY 1' : '';
        const valueOf = (events, sum, max) => m.aggregation === 'count'
            ? `${events}::numeric`
            : m.aggregation === 'sum'
                ? `coalesce(${sum}, 0)`
                : `coalesce(${max}, 0)`;
        const scope = `tenant_id = $1 AND customer_id = $2 AND metric_id = $3`;
        if (!rollable) {
            const grp = grpOf('e.ts');
            const expr = aggregateExpr(m, params);
            const filter = filterSql(m, params);
            return (0, sql_1.sql)(this.t, `SELECT ${grp ? `${grp} AS grp,` : ''} ${expr} AS value, count(*) AS events
           FROM usage_events e WHERE e.${scope.replace(/ AND /g, ' AND e.')} AND e.ts >= ${p(from)} AND e.ts < ${p(to)} ${filter}
           ${groupBy} ${group ? 'ORDER BY 1' : ''}`, params);
        }
        const HOUR = 3_600_000;
        const hourStart = new Date(Math.ceil(from.getTime() / HOUR) * HOUR);
        const hourEnd = new Date(Math.floor(to.getTime() / HOUR) * HOUR);
        const hours = hourStart < hourEnd;
        const edges = hours
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
            parts.push(`SELECT ${rollGrp ? `${rollGrp} AS grp,` : ''} sum(events) AS events, sum(value_sum) AS s, max(value_max) AS mx
           FROM usage_rollups_hourly WHERE ${scope} AND hour >= ${p(hourStart)} AND hour < ${p(hourEnd)} ${groupBy}`);
        return (0, sql_1.sql)(this.t, `SELECT ${outer} ${valueOf('sum(events)', 'sum(s)', 'max(mx)')} AS value, coalesce(sum(events), 0) AS events
         FROM (${parts.join(' UNION ALL ')}) x ${groupBy} ${group ? 'ORDER BY 1' : ''}`, params);
    }
    async costSpent(tenantId, customerId, metricIds, from, to) {
        const [row] = await (0, sql_1.sql)(this.t, `SELECT coalesce(sum(${COST_NUMERIC}), 0) AS spent
         FROM usage_events e
        WHERE e.tenant_id = $1 AND e.customer_id = $2 AND e.metric_id = ANY($3::uuid[]) AND e.ts >= $4 AND e.ts < $5
          AND e.properties ? 'cost'`, [tenantId, customerId, metricIds, from, to]);
        return (0, sql_1.num)(row.spent) ?? '0';
    }
    async agentActivity(tenantId, agentId) {
        const [row] = await (0, sql_1.sql)(this.t, `SELECT count(*)::int AS events, coalesce(sum(value), 0) AS quantity
         FROM usage_events WHERE tenant_id = $1 AND agent_id = $2`, [tenantId, agentId]);
        return { events: row.events, quantity: (0, sql_1.num)(row.quantity) ?? '0' };
    }
};
exports.TypeOrmUsageRepository = TypeOrmUsageRepository;
exports.TypeOrmUsageRepository = TypeOrmUsageRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transactional_1.TransactionHost,
        typeorm_1.DataSource])
], TypeOrmUsageRepository);
//# sourceMappingURL=typeorm-metering.repository.js.map