import { TenantId } from '../../../shared/domain/tenant-id';

export interface ApiKeySpendCap {
  apiKeyId: string;
  amount: string;
  currency: string;
}

export abstract class ApiKeySpendCapRepository {
  /** False when the API key does not exist in this tenant. */
  abstract apiKeyExists(tenantId: TenantId, apiKeyId: string): Promise<boolean>;
  abstract upsert(tenantId: TenantId, cap: ApiKeySpendCap): Promise<void>;
  abstract find(tenantId: TenantId, apiKeyId: string): Promise<ApiKeySpendCap | null>;
  abstract delete(tenantId: TenantId, apiKeyId: string): Promise<boolean>;
}
