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
exports.TypeOrmAgentRecordRepository = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const agent_records_1 = require("../domain/agent-records");
const sql_1 = require("./sql");
const costToDomain = (r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    agentId: r.agent_id,
    customerId: r.customer_id,
    externalId: r.external_id,
    costType: r.cost_type,
    amount: (0, sql_1.num)(r.amount),
    currency: r.currency,
    occurredAt: r.occurred_at,
    metadata: r.metadata,
    createdAt: r.created_at,
});
const outcomeToDomain = (r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    agentId: r.agent_id,
    customerId: r.customer_id,
    externalId: r.external_id,
    type: r.type,
    value: (0, sql_1.num)(r.value),
    currency: r.currency,
    evidence: r.evidence,
    status: r.status,
    statusReason: r.status_reason,
    verifiedAt: r.verified_at,
    occurredAt: r.occurred_at,
    createdAt: r.created_at,
});
const OUTCOME_COLS = `id, tenant_id, agent_id, customer_id, external_id, type, value, currency, evidence, status,
  status_reason, verified_at, occurred_at, created_at`;
let TypeOrmAgentRecordRepository = class TypeOrmAgentRecordRepository extends agent_records_1.AgentRecordRepository {
    t;
    constructor(t) {
        super();
        this.t = t;
    }
    async insertCost(c) {
        const rows = await (0, sql_1.sql)(this.t, `INSERT INTO agent_costs (id, tenant_id, agent_id, customer_id, external_id, cost_type, amount, currency, occurred_at, metadata)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
       ON CONFLICT (tenant_id, external_id) WHERE external_id IS NOT NULL DO NOTHING RETURNING *`, [
            c.id,
            c.tenantId,
            c.agentId,
            c.customerId,
            c.externalId,
            c.costType,
            c.amount,
            c.currency,
            c.occurredAt,
            JSON.stringify(c.metadata),
        ]);
        if (rows[0])
            return costToDomain(rows[0]);
        const [existing] = await (0, sql_1.sql)(this.t, `SELECT * FROM agent_costs WHERE tenant_id = $1 AND external_id = $2`, [c.tenantId, c.externalId]);
        return costToDomain(existing);
    }
    async insertOutcome(o) {
        const rows = await (0, sql_1.sql)(this.t, `INSERT INTO agent_outcomes (id, tenant_id, agent_id, customer_id, external_id, type, value, currency, evidence, occurred_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
       ON CONFLICT (tenant_id, external_id) WHERE external_id IS NOT NULL DO NOTHING RETURNING ${OUTCOME_COLS}`, [
            o.id,
            o.tenantId,
            o.agentId,
            o.customerId,
            o.externalId,
            o.type,
            o.value,
            o.currency,
            JSON.stringify(o.evidence),
            o.occurredAt,
        ]);
        if (rows[0])
            return { outcome: outcomeToDomain(rows[0]), created: true };
        const [existing] = await (0, sql_1.sql)(this.t, `SELECT ${OUTCOME_COLS} FROM agent_outcomes WHERE tenant_id = $1 AND external_id = $2`, [o.tenantId, o.externalId]);
        return { outcome: outcomeToDomain(existing), created: false };
    }
    async findOutcome(tenantId, id) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT ${OUTCOME_COLS} FROM agent_outcomes WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
        return rows[0] ? outcomeToDomain(rows[0]) : null;
    }
    async markOutcome(tenantId, id, status, reason, at) {
        await (0, sql_1.sql)(this.t, `UPDATE agent_outcomes SET status = $3, status_reason = $4, verified_at = CASE WHEN $3 = 'verified' THEN $5::timestamptz END
        WHERE tenant_id = $1 AND id = $2 AND status = 'pending'`, [tenantId, id, status, reason, at]);
    }
    async billableOutcomes(tenantId, customerId, types, currency, before) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT ${OUTCOME_COLS} FROM agent_outcomes
        WHERE tenant_id = $1 AND customer_id = $2 AND status = 'verified' AND invoice_id IS NULL
          AND verified_at < $3 AND type = ANY($4::text[]) AND currency = $5
        ORDER BY verified_at, id`, [tenantId, customerId, before, types, currency]);
        return rows.map(outcomeToDomain);
    }
    async markOutcomesBilled(tenantId, invoiceId, fees) {
        if (!fees.length)
            return;
        await (0, sql_1.sql)(this.t, `UPDATE agent_outcomes o SET invoice_id = $2, billed_amount = f.amount
         FROM unnest($3::uuid[], $4::numeric[]) AS f(id, amount)
        WHERE o.tenant_id = $1 AND o.id = f.id AND o.invoice_id IS NULL`, [tenantId, invoiceId, fees.map((f) => f.id), fees.map((f) => f.amount)]);
    }
    async costTotal(tenantId, customerId, currency, period, costType) {
        const [row] = await (0, sql_1.sql)(this.t, `SELECT coalesce(sum(amount), 0) AS total FROM agent_costs
        WHERE tenant_id = $1 AND customer_id = $2 AND currency = $3 AND occurred_at >= $4 AND occurred_at < $5
          AND ($6::text IS NULL OR cost_type = $6::text)`, [tenantId, customerId, currency, period.start, period.end, costType ?? null]);
        return (0, sql_1.num)(row.total) ?? '0';
    }
    async stats(tenantId, agentId) {
        const costs = await (0, sql_1.sql)(this.t, `SELECT currency, sum(amount) AS amount FROM agent_costs WHERE tenant_id = $1 AND agent_id = $2 GROUP BY currency ORDER BY currency`, [tenantId, agentId]);
        const outcomes = await (0, sql_1.sql)(this.t, `SELECT status, currency, count(*)::int AS count, sum(value) AS value FROM agent_outcomes
        WHERE tenant_id = $1 AND agent_id = $2 GROUP BY status, currency ORDER BY status, currency`, [tenantId, agentId]);
        const revenue = await (0, sql_1.sql)(this.t, `SELECT currency, sum(billed_amount) AS amount FROM agent_outcomes
        WHERE tenant_id = $1 AND agent_id = $2 AND invoice_id IS NOT NULL GROUP BY currency ORDER BY currency`, [tenantId, agentId]);
        return {
            costs: costs.map((r) => ({ currency: r.currency, amount: (0, sql_1.num)(r.amount) })),
            outcomes: outcomes.map((r) => ({
                status: r.status,
                currency: r.currency,
                count: r.count,
                value: (0, sql_1.num)(r.value),
            })),
            revenue: revenue.map((r) => ({ currency: r.currency, amount: (0, sql_1.num)(r.amount) })),
        };
    }
};
exports.TypeOrmAgentRecordRepository = TypeOrmAgentRecordRepository;
exports.TypeOrmAgentRecordRepository = TypeOrmAgentRecordRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transactional_1.TransactionHost])
], TypeOrmAgentRecordRepository);
//# sourceMappingURL=typeorm-agent-record.repository.js.map