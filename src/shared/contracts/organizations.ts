import { Role } from '../context/principal';
import { TenantId } from '../domain/tenant-id';

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

/**
 * What Auth asks of organizations (Tenancy provides it): a new owner or user gets their organization,
 * tokens name one, and /me lists the caller's.
 */
export abstract class OrganizationDirectory {
  /** Creates the organization with `ownerUserId` as its owner (audited, membership cache dropped). */
  abstract create(ownerUserId: string, name: string): Promise<Organization>;
  /** Throws NotFoundError when the organization does not exist. */
  abstract get(tenantId: TenantId): Promise<Organization>;
  abstract forUser(userId: string): Promise<OrganizationWithRole[]>;
}
