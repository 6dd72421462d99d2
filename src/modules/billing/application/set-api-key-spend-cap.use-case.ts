import { Injectable } from '@nestjs/common';
import { Principal } from '../../../shared/context/principal';
import { TenantId } from '../../../shared/domain/tenant-id';
import { ApiKeySpendCap, ApiKeySpendCapRepository } from '../domain/api-key-spend-cap';
import { ApiKeySpendCapAccess } from './api-key-spend-cap-access';
import { BudgetCache } from './budget-cache.port';

@Injectable()
export class SetApiKeySpendCap {
  constructor(
    private readonly caps: ApiKeySpendCapRepository,
    private readonly access: ApiKeySpendCapAccess,
    private readonly budgets: BudgetCache,
  ) {}

  async execute(tenantId: TenantId, actor: Principal, cap: ApiKeySpendCap): Promise<ApiKeySpendCap> {
    await this.access.assertMayCap(tenantId, actor, cap.apiKeyId);
    const saved = { ...cap, currency: cap.currency.toUpperCase() };
    await this.caps.upsert(tenantId, saved);
    await this.budgets.invalidateApiKey(tenantId, cap.apiKeyId);
    return (await this.caps.find(tenantId, cap.apiKeyId)) ?? saved;
  }
}
