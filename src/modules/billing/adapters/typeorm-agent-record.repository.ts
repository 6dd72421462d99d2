import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TenantId } from '../../../shared/domain/tenant-id';
import { AgentCost, AgentRecordRepository, AgentStats, Outcome } from '../domain/agent-records';
import { num } from './numeric';
import { tenantQuery } from '../../../shared/persistence/tenant-sql';

interface AgentCostRecord {
  id: AgentCost['id'];
  tenant_id: AgentCost['tenantId'];
  agent_id: AgentCost['agentId'];
  customer_id: AgentCost['customerId'];
  external_id: AgentCost['externalId'];
  cost_type: AgentCost['costType'];
  amount: string;
  currency: AgentCost['currency'];
  occurred_at: AgentCost['occurredAt'];
  metadata: AgentCost['metadata'];
  created_at: AgentCost['createdAt'];
}

const costToDomain = (r: AgentCostRecord): AgentCost => ({
  id: r.id,
  tenantId: r.tenant_id,
  agentId: r.agent_id,
  customerId: r.customer_id,
  externalId: r.external_id,
  costType: r.cost_type,
  amount: num(r.amount) as string,
  currency: r.currency,
  occurredAt: r.occurred_at,
  metadata: r.metadata,
  createdAt: r.created_at,
});

interface OutcomeRecord {
  id: Outcome['id'];
  tenant_id: Outcome['tenantId'];
  agent_id: Outcome['agentId'];
  customer_id: Outcome['customerId'];
  external_id: Outcome['externalId'];
  type: Outcome['type'];
  value: string;
  currency: Outcome['currency'];
  evidence: Outcome['evidence'];
  status: Outcome['status'];
  status_reason: Outcome['statusReason'];
  verified_at: Outcome['verifiedAt'];
  occurred_at: Outcome['occurredAt'];
  created_at: Outcome['createdAt'];
}

const outcomeToDomain = (r: OutcomeRecord): Outcome => ({
  id: r.id,
  tenantId: r.tenant_id,
  agentId: r.agent_id,
  customerId: r.customer_id,
  externalId: r.external_id,
  type: r.type,
  value: num(r.value) as string,
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

@Injectable()
export class TypeOrmAgentRecordRepository extends AgentRecordRepository {
  constructor(private readonly t: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async insertCost(c: AgentCost): Promise<AgentCost> {
    const rows = await tenantQuery<AgentCostRecord>(
      this.t.tx,
      c.tenantId,
      `INSERT INTO agent_costs (id, tenant_id, agent_id, customer_id, external_id, cost_type, amount, currency, occurred_at, metadata)
       VALUES ($2,$1,$3,$4,$5,$6,$7,$8,$9,$10)
       ON CONFLICT (tenant_id, external_id) WHERE external_id IS NOT NULL DO NOTHING RETURNING *`,
      [
        c.id,
        c.agentId,
        c.customerId,
        c.externalId,
        c.costType,
        c.amount,
        c.currency,
        c.occurredAt,
        JSON.stringify(c.metadata),
      ],
    );
    if (rows[0]) return costToDomain(rows[0]);
    const [existing] = await tenantQuery<AgentCostRecord>(
      this.t.tx,
      c.tenantId,
      `SELECT * FROM agent_costs WHERE tenant_id = $1 AND external_id = $2`,
      [c.externalId],
    );
    return costToDomain(existing);
  }

  async insertOutcome(o: Outcome): Promise<{ outcome: Outcome; created: boolean }> {
    const rows = await tenantQuery<OutcomeRecord>(
      this.t.tx,
      o.tenantId,
      `INSERT INTO agent_outcomes (id, tenant_id, agent_id, customer_id, external_id, type, value, currency, evidence, occurred_at)
       VALUES ($2,$1,$3,$4,$5,$6,$7,$8,$9,$10)
       ON CONFLICT (tenant_id, external_id) WHERE external_id IS NOT NULL DO NOTHING RETURNING ${OUTCOME_COLS}`,
      [
        o.id,
        o.agentId,
        o.customerId,
        o.externalId,
        o.type,
        o.value,
        o.currency,
        JSON.stringify(o.evidence),
        o.occurredAt,
      ],
    );
    if (rows[0]) return { outcome: outcomeToDomain(rows[0]), created: true };
    const [existing] = await tenantQuery<OutcomeRecord>(
      this.t.tx,
      o.tenantId,
      `SELECT ${OUTCOME_COLS} FROM agent_outcomes WHERE tenant_id = $1 AND external_id = $2`,
      [o.externalId],
    );
    return { outcome: outcomeToDomain(existing), created: false };
  }

  async findOutcome(tenantId: TenantId, id: string): Promise<Outcome | null> {
    const rows = await tenantQuery<OutcomeRecord>(
      this.t.tx,
      tenantId,
      `SELECT ${OUTCOME_COLS} FROM agent_outcomes WHERE tenant_id = $1 AND id = $2`,
      [id],
    );
    return rows[0] ? outcomeToDomain(rows[0]) : null;
  }

  async markOutcome(
    tenantId: TenantId,
    id: string,
    status: 'verified' | 'rejected',
    reason: string | null,
    at: Date,
  ) {
    await tenantQuery(
      this.t.tx,
      tenantId,
      `UPDATE agent_outcomes SET status = $3, status_reason = $4, verified_at = CASE WHEN $3 = 'verified' THEN $5::timestamptz END
        WHERE tenant_id = $1 AND id = $2 AND status = 'pending'`,
      [id, status, reason, at],
    );
  }

  async billableOutcomes(
    tenantId: TenantId,
    customerId: string,
    types: string[],
    currency: string,
    before: Date,
  ) {
    const rows = await tenantQuery<OutcomeRecord>(
      this.t.tx,
      tenantId,
      `SELECT ${OUTCOME_COLS} FROM agent_outcomes
        WHERE tenant_id = $1 AND customer_id = $2 AND status = 'verified' AND invoice_id IS NULL
          AND verified_at < $3 AND type = ANY($4::text[]) AND currency = $5
        ORDER BY verified_at, id`,
      [customerId, before, types, currency],
    );
    return rows.map(outcomeToDomain);
  }

  async markOutcomesBilled(tenantId: TenantId, invoiceId: string, fees: { id: string; amount: string }[]) {
    if (!fees.length) return;
    await tenantQuery(
      this.t.tx,
      tenantId,
      `UPDATE agent_outcomes o SET invoice_id = $2, billed_amount = f.amount
         FROM unnest($3::uuid[], $4::numeric[]) AS f(id, amount)
        WHERE o.tenant_id = $1 AND o.id = f.id AND o.invoice_id IS NULL`,
      [invoiceId, fees.map((f) => f.id), fees.map((f) => f.amount)],
    );
  }

  async costTotal(
    tenantId: TenantId,
    customerId: string,
    currency: string,
    period: { start: Date; end: Date },
    costType?: string,
  ): Promise<string> {
    const [row] = await tenantQuery<{ total: string }>(
      this.t.tx,
      tenantId,
      `SELECT coalesce(sum(amount), 0) AS total FROM agent_costs
        WHERE tenant_id = $1 AND customer_id = $2 AND currency = $3 AND occurred_at >= $4 AND occurred_at < $5
          AND ($6::text IS NULL OR cost_type = $6::text)`,
      [customerId, currency, period.start, period.end, costType ?? null],
    );
    return num(row.total) ?? '0';
  }

  async stats(tenantId: TenantId, agentId: string): Promise<AgentStats> {
    const costs = await tenantQuery<{ currency: string; amount: string }>(
      this.t.tx,
      tenantId,
      `SELECT currency, sum(amount) AS amount FROM agent_costs WHERE tenant_id = $1 AND agent_id = $2 GROUP BY currency ORDER BY currency`,
      [agentId],
    );
    const outcomes = await tenantQuery<{ status: string; currency: string; count: number; value: string }>(
      this.t.tx,
      tenantId,
      `SELECT status, currency, count(*)::int AS count, sum(value) AS value FROM agent_outcomes
        WHERE tenant_id = $1 AND agent_id = $2 GROUP BY status, currency ORDER BY status, currency`,
      [agentId],
    );
    const revenue = await tenantQuery<{ currency: string; amount: string }>(
      this.t.tx,
      tenantId,
      `SELECT currency, sum(billed_amount) AS amount FROM agent_outcomes
        WHERE tenant_id = $1 AND agent_id = $2 AND invoice_id IS NOT NULL GROUP BY currency ORDER BY currency`,
      [agentId],
    );
    return {
      costs: costs.map((r) => ({ currency: r.currency, amount: num(r.amount) as string })),
      outcomes: outcomes.map((r) => ({
        status: r.status,
        currency: r.currency,
        count: r.count,
        value: num(r.value) as string,
      })),
      revenue: revenue.map((r) => ({ currency: r.currency, amount: num(r.amount) as string })),
    };
  }
}
