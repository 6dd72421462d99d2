import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Clock } from '../../../shared/domain/clock.port';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { MetricRepository } from '../domain/metering';
import { buildPlanDefinition, PlanInput } from '../domain/plan-definition';
import { PlanRepository, PlanVersion } from '../domain/plan.repository.port';
import { PlanView, checkMetrics } from './plan-rules';

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
