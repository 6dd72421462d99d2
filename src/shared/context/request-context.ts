import { ClsStore } from 'nestjs-cls';
import { Principal } from './principal';
import { TenantId } from '../domain/tenant-id';

/** What nestjs-cls carries through one request (or one job): read by services, logs and repositories. */
export interface RequestContextStore extends ClsStore {
  requestId: string;
  ip?: string;
  principal?: Principal;
  tenantId?: TenantId;
  route?: string;
}
