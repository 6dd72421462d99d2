import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Clock } from '../../../shared/domain/clock.port';
import { ConflictError, InvalidError, NotFoundError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { MetricRepository } from '../domain/metering';
import { buildPlanDefinition, PlanInput } from '../domain/plan-definition';
import { PlanDefinition } from '../domain/plan';
import { Plan, PlanRepository, PlanVersion } from '../domain/plan.repository.port';

export interface PlanView extends Plan {
  version: PlanVersion;
}

async function checkMetrics(metrics: MetricRepository, tenantId: TenantId, def: PlanDefinition) {
  const codes = [
    ...new Set(def.charges.flatMap((c) => (c.kind === 'usage' && c.metricCode ? [c.metricCode] : []))),
  ];
  if (!codes.length) return;
  const found = new Set((await metrics.findByCodes(tenantId, codes)).map((m) => m.code));
  const missing = codes.filter((c) => !found.has(c));
  if (missing.length)
    throw new InvalidError(
      'unknown_metric',
      `Unknown metric(s): ${missing.join(', ')}`,
      missing.map((m) => ({ field: 'charges.metricCode', message: `no metric with code ${m}` })),
    );
}

@Injectable()
export class CreatePlan {
  constructor(
    private readonly plans: PlanRepository,
    private readonly metrics: MetricRepository,
    private readonly clock: Clock,
  ) {}

  @Transactional()
  async execute(tenantId: TenantId, input: PlanInput & { code: string }): Promise<PlanView> {
    const def = buildPlanDefinition(input);
    await checkMetrics(this.metrics, tenantId, def);
    const now = this.clock.now();
    const plan: Plan = {
      id: newId(),
      tenantId,
      code: input.code,
      name: def.name,
      currentVersion: 1,
      createdAt: now,
    };
    const version: PlanVersion = {
      ...def,
      id: newId(),
      tenantId,
      planId: plan.id,
      version: 1,
      createdAt: now,
    };
    if (!(await this.plans.insertPlan(plan, version)))
      throw new ConflictError('plan_code_taken', `A plan with code ${input.code} exists`);
    return { ...plan, version };
  }
}

/**
 * Editing a plan: a version nobody subscribes to is replaced in place; otherwise a new version is added
 * and existing subscriptions stay on theirs until migrated (change-plan).
 */
@Injectable()
export class UpdatePlan {
  constructor(
    private readonly plans: PlanRepository,
    private readonly metrics: MetricRepository,
    private readonly clock: Clock,
  ) {}

  @Transactional()
  async execute(
    tenantId: TenantId,
    planId: string,
    input: PlanInput,
  ): Promise<PlanView & { newVersion: boolean }> {
    const plan = await this.plans.find(tenantId, planId);
    const current = plan && (await this.plans.currentVersion(tenantId, planId));
    if (!plan || !current) throw new NotFoundError('Plan', planId);
    const def = buildPlanDefinition(input);
    await checkMetrics(this.metrics, tenantId, def);
    if (!(await this.plans.hasSubscribers(tenantId, current.id))) {
      const version: PlanVersion = { ...current, ...def };
      await this.plans.replaceVersion(version);
      return { ...plan, name: def.name, version, newVersion: false };
    }
    const version: PlanVersion = {
      ...def,
      id: newId(),
      tenantId,
      planId,
      version: current.version + 1,
      createdAt: this.clock.now(),
    };
    await this.plans.addVersion(version);
    return { ...plan, name: def.name, currentVersion: version.version, version, newVersion: true };
  }
}
