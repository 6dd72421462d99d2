import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Plan, PlanRepository, PlanVersion } from '../domain/plan.repository.port';
import { num } from './numeric';
import { tenantQuery } from '../../../shared/persistence/tenant-sql';

interface PlanRecord {
  id: Plan['id'];
  tenant_id: Plan['tenantId'];
  code: Plan['code'];
  name: Plan['name'];
  current_version: Plan['currentVersion'];
  created_at: Plan['createdAt'];
}

const planToDomain = (r: PlanRecord): Plan => ({
  id: r.id,
  tenantId: r.tenant_id,
  code: r.code,
  name: r.name,
  currentVersion: r.current_version,
  createdAt: r.created_at,
});

interface PlanVersionRecord {
  id: PlanVersion['id'];
  tenant_id: PlanVersion['tenantId'];
  plan_id: PlanVersion['planId'];
  version: PlanVersion['version'];
  name: PlanVersion['name'];
  currency: PlanVersion['currency'];
  interval: PlanVersion['interval'];
  trial_days: PlanVersion['trialDays'];
  minimum_commitment: string | null;
  charges: PlanVersion['charges'];
  created_at: PlanVersion['createdAt'];
}

const versionToDomain = (r: PlanVersionRecord): PlanVersion => ({
  id: r.id,
  tenantId: r.tenant_id,
  planId: r.plan_id,
  version: r.version,
  name: r.name,
  currency: r.currency,
  interval: r.interval,
  trialDays: r.trial_days,
  minimumCommitment: num(r.minimum_commitment),
  charges: r.charges,
  createdAt: r.created_at,
});

const VERSION_COLS =
  'id, tenant_id, plan_id, version, name, currency, interval, trial_days, minimum_commitment, charges, created_at';

@Injectable()
export class TypeOrmPlanRepository extends PlanRepository {
  constructor(private readonly t: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async insertPlan(plan: Plan, version: PlanVersion): Promise<boolean> {
    const rows = await tenantQuery(
      this.t.tx,
      plan.tenantId,
      `INSERT INTO plans (id, tenant_id, code, name, current_version) VALUES ($2,$1,$3,$4,$5)
       ON CONFLICT (tenant_id, code) DO NOTHING RETURNING id`,
      [plan.id, plan.code, plan.name, plan.currentVersion],
    );
    if (!rows.length) return false;
    await this.addVersion(version);
    return true;
  }

  async find(tenantId: TenantId, id: string): Promise<Plan | null> {
    const rows = await tenantQuery<PlanRecord>(
      this.t.tx,
      tenantId,
      `SELECT * FROM plans WHERE tenant_id = $1 AND id = $2`,
      [id],
    );
    return rows[0] ? planToDomain(rows[0]) : null;
  }

  async list(tenantId: TenantId): Promise<Plan[]> {
    const rows = await tenantQuery<PlanRecord>(
      this.t.tx,
      tenantId,
      `SELECT * FROM plans WHERE tenant_id = $1 ORDER BY code`,
      [],
    );
    return rows.map(planToDomain);
  }

  async findVersion(tenantId: TenantId, versionId: string): Promise<PlanVersion | null> {
    const rows = await tenantQuery<PlanVersionRecord>(
      this.t.tx,
      tenantId,
      `SELECT ${VERSION_COLS} FROM plan_versions WHERE tenant_id = $1 AND id = $2`,
      [versionId],
    );
    return rows[0] ? versionToDomain(rows[0]) : null;
  }

  async currentVersion(tenantId: TenantId, planId: string): Promise<PlanVersion | null> {
    const rows = await tenantQuery<PlanVersionRecord>(
      this.t.tx,
      tenantId,
      `SELECT ${VERSION_COLS.split(', ')
        .map((c) => `v.${c}`)
        .join(', ')}
         FROM plan_versions v JOIN plans p ON p.tenant_id = $1 AND p.id = v.plan_id AND p.current_version = v.version
        WHERE v.tenant_id = $1 AND v.plan_id = $2`,
      [planId],
    );
    return rows[0] ? versionToDomain(rows[0]) : null;
  }

  async versions(tenantId: TenantId, planId: string): Promise<PlanVersion[]> {
    const rows = await tenantQuery<PlanVersionRecord>(
      this.t.tx,
      tenantId,
      `SELECT ${VERSION_COLS} FROM plan_versions WHERE tenant_id = $1 AND plan_id = $2 ORDER BY version`,
      [planId],
    );
    return rows.map(versionToDomain);
  }

  async hasSubscribers(tenantId: TenantId, versionId: string): Promise<boolean> {
    const rows = await tenantQuery(
      this.t.tx,
      tenantId,
      `SELECT 1 FROM subscriptions WHERE tenant_id = $1 AND plan_version_id = $2 LIMIT 1`,
      [versionId],
    );
    return rows.length > 0;
  }

  async replaceVersion(v: PlanVersion): Promise<void> {
    await tenantQuery(
      this.t.tx,
      v.tenantId,
      `UPDATE plan_versions SET name = $3, currency = $4, interval = $5, trial_days = $6, minimum_commitment = $7, charges = $8
        WHERE tenant_id = $1 AND id = $2`,
      [v.id, v.name, v.currency, v.interval, v.trialDays, v.minimumCommitment, JSON.stringify(v.charges)],
    );
    await tenantQuery(this.t.tx, v.tenantId, `UPDATE plans SET name = $3 WHERE tenant_id = $1 AND id = $2`, [
      v.planId,
      v.name,
    ]);
  }

  async addVersion(v: PlanVersion): Promise<void> {
    await tenantQuery(
      this.t.tx,
      v.tenantId,
      `INSERT INTO plan_versions (id, tenant_id, plan_id, version, name, currency, interval, trial_days, minimum_commitment, charges)
       VALUES ($2,$1,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [
        v.id,
        v.planId,
        v.version,
        v.name,
        v.currency,
        v.interval,
        v.trialDays,
        v.minimumCommitment,
        JSON.stringify(v.charges),
      ],
    );
    await tenantQuery(
      this.t.tx,
      v.tenantId,
      `UPDATE plans SET current_version = $3, name = $4 WHERE tenant_id = $1 AND id = $2`,
      [v.planId, v.version, v.name],
    );
  }
}
