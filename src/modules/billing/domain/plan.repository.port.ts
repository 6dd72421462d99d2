import { TenantId } from '../../../shared/domain/tenant-id';
import { PlanDefinition } from './plan';

export interface Plan {
  id: string;
  tenantId: TenantId;
  code: string;
  name: string;
  currentVersion: number;
  createdAt: Date;
}

export interface PlanVersion extends PlanDefinition {
  id: string;
  tenantId: TenantId;
  planId: string;
  version: number;
  createdAt: Date;
}

export abstract class PlanRepository {
  /** False when the code is taken. */
  abstract insertPlan(plan: Plan, version: PlanVersion): Promise<boolean>;
  abstract find(tenantId: TenantId, id: string): Promise<Plan | null>;
  abstract list(tenantId: TenantId): Promise<Plan[]>;
  abstract findVersion(tenantId: TenantId, versionId: string): Promise<PlanVersion | null>;
  abstract currentVersion(tenantId: TenantId, planId: string): Promise<PlanVersion | null>;
  abstract versions(tenantId: TenantId, planId: string): Promise<PlanVersion[]>;
  abstract hasSubscribers(tenantId: TenantId, versionId: string): Promise<boolean>;
  /** Replaces a version nobody subscribes to. */
  abstract replaceVersion(version: PlanVersion): Promise<void>;
  abstract addVersion(version: PlanVersion): Promise<void>;
}
