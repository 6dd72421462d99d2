import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Plan, PlanRepository, PlanVersion } from '../domain/plan.repository.port';
import { num, sql } from './sql';

const planToDomain = (r: any): Plan => ({
  id: r.id,
  tenantId: r.tenant_id,
  code: r.code,
  name: r.name,
  currentVersion: r.current_version,
  createdAt: r.created_at,
});

const versionToDomain = (r: any): PlanVersion => ({
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
    const rows = await sql(
      this.t,
      `INSERT INTO plans (id, tenant_id, code, name, current_version) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (tenant_id, code) DO NOTHING RETURNING id`,
      [plan.id, plan.tenantId, plan.code, plan.name, plan.currentVersion],
    );
    if (!rows.length) return false;
    await this.addVersion(version);
    return true;
  }

  async find(tenantId: TenantId, id: string): Promise<Plan | null> {
    const rows = await sql(this.t, `SELECT * FROM plans WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return rows[0] ? planToDomain(rows[0]) : null;
  }

  async list(tenantId: TenantId): Promise<Plan[]> {
    const rows = await sql(this.t, `SELECT * FROM plans WHERE tenant_id = $1 ORDER BY code`, [tenantId]);
    return rows.map(planToDomain);
  }

  async findVersion(tenantId: TenantId, versionId: string): Promise<PlanVersion | null> {
    const rows = await sql(
      this.t,
      `SELECT ${VERSION_COLS} FROM plan_versions WHERE tenant_id = $1 AND id = $2`,
      [tenantId, versionId],
    );
    return rows[0] ? versionToDomain(rows[0]) : null;
  }

  async currentVersion(tenantId: TenantId, planId: string): Promise<PlanVersion | null> {
    const rows = await sql(
      this.t,
      `SELECT ${VERSION_COLS.split(', ')
        .map((c) => `v.${c}`)
        .join(', ')}
         FROM plan_versions v JOIN plans p ON p.id = v.plan_id AND p.current_version = v.version
        WHERE v.tenant_id = $1 AND v.plan_id = $2`,
      [tenantId, planId],
    );
    return rows[0] ? versionToDomain(rows[0]) : null;
  }

  async versions(tenantId: TenantId, planId: string): Promise<PlanVersion[]> {
    const rows = await sql(
      this.t,
      `SELECT ${VERSION_COLS} FROM plan_versions WHERE tenant_id = $1 AND plan_id = $2 ORDER BY version`,
      [tenantId, planId],
    );
    return rows.map(versionToDomain);
  }

  async hasSubscribers(tenantId: TenantId, versionId: string): Promise<boolean> {
    const rows = await sql(
      this.t,
      `SELECT 1 FROM subscriptions WHERE tenant_id = $1 AND plan_version_id = $2 LIMIT 1`,
      [tenantId, versionId],
    );
    return rows.length > 0;
  }

  async replaceVersion(v: PlanVersion): Promise<void> {
    await sql(
      this.t,
      `UPDATE plan_versions SET name = $3, currency = $4, interval = $5, trial_days = $6, minimum_commitment = $7, charges = $8
        WHERE tenant_id = $1 AND id = $2`,
      [
        v.tenantId,
        v.id,
        v.name,
        v.currency,
        v.interval,
        v.trialDays,
        v.minimumCommitment,
        JSON.stringify(v.charges),
      ],
    );
    await sql(this.t, `UPDATE plans SET name = $3 WHERE tenant_id = $1 AND id = $2`, [
      v.tenantId,
      v.planId,
      v.name,
    ]);
  }

  async addVersion(v: PlanVersion): Promise<void> {
    await sql(
      this.t,
      `INSERT INTO plan_versions (id, tenant_id, plan_id, version, name, currency, interval, trial_days, minimum_commitment, charges)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [
        v.id,
        v.tenantId,
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
    await sql(this.t, `UPDATE plans SET current_version = $3, name = $4 WHERE tenant_id = $1 AND id = $2`, [
      v.tenantId,
      v.planId,
      v.version,
      v.name,
    ]);
  }
}
