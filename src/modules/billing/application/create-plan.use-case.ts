import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Clock } from '../../../shared/domain/clock.port';
import { ConflictError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { MetricRepository } from '../domain/metering';
import { buildPlanDefinition, PlanInput } from '../domain/plan-definition';
import { Plan, PlanRepository, PlanVersion } from '../domain/plan.repository.port';
import { PlanView, checkMetrics } from './plan-rules';

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
