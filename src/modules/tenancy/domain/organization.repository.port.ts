import { TenantId } from '../../../shared/domain/tenant-id';
import { Organization, OrganizationWithRole } from '../../../shared/contracts/organizations';

/** The organization shapes are the contract Auth reads them through. */
export type { Organization, OrganizationWithRole };

export abstract class OrganizationRepository {
  abstract create(org: { id: TenantId; name: string }): Promise<void>;
  abstract findById(id: TenantId): Promise<Organization | null>;
  abstract findForUser(userId: string): Promise<OrganizationWithRole[]>;
  abstract rename(id: TenantId, name: string): Promise<void>;
  abstract setTimezone(id: TenantId, timezone: string): Promise<void>;
  /** Row lock held until the transaction ends, so concurrent member changes cannot both drop the last owner. */
  abstract lock(id: TenantId): Promise<void>;
}
