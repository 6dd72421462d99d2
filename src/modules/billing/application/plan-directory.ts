import { Injectable } from '@nestjs/common';
import { PlanDirectory } from '../../../shared/contracts/plans';
import { isUuid } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { PlanRepository } from '../domain/plan.repository.port';

@Injectable()
export class RepositoryPlanDirectory extends PlanDirectory {
  constructor(private readonly plans: PlanRepository) {
    super();
  }
  async exists(tenantId: TenantId, planId: string): Promise<boolean> {
    return isUuid(planId) && (await this.plans.find(tenantId, planId)) !== null;
  }
}
