import { TenantId } from '../../../shared/domain/tenant-id';
import { Role } from '../../../shared/context/principal';

export interface Organization {
  id: TenantId;
  name: string;
  /** IANA zone; analytics buckets days and months in it. */
  timezone: string;
  createdAt: Date;
}

export interface OrganizationWithRole extends Organization {
  role: Role;
}

export abstract class OrganizationRepository {
  abstract create(org: { id: TenantId; name: string }): Promise<void>;
  abstract findById(id: TenantId): Promise<Organization | null>;
  abstract findForUser(userId: string): Promise<OrganizationWithRole[]>;
  abstract rename(id: TenantId, name: string): Promise<void>;
  abstract setTimezone(id: TenantId, timezone: string): Promise<void>;
  /** Row lock held until the transaction ends, so concurrent member changes cannot both drop the last owner. */
  abstract lock(id: TenantId): Promise<void>;
}
