import { TenantId } from '../../../shared/domain/tenant-id';

export interface ApiKeySpendCap {
  apiKeyId: string;
  amount: string;
  currency: string;
}

export abstract class ApiKeySpendCapRepository {
  /** Who created the API key (`user:<id>`, ...), or undefined when it does not exist in this tenant. */
  abstract apiKeyCreator(tenantId: TenantId, apiKeyId: string): Promise<string | null | undefined>;
  abstract upsert(tenantId: TenantId, cap: ApiKeySpendCap): Promise<void>;
  abstract find(tenantId: TenantId, apiKeyId: string): Promise<ApiKeySpendCap | null>;
  abstract delete(tenantId: TenantId, apiKeyId: string): Promise<boolean>;
}
