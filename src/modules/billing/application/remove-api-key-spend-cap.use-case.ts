import { Injectable } from '@nestjs/common';
import { Principal } from '../../../shared/context/principal';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { ApiKeySpendCapRepository } from '../domain/api-key-spend-cap';
import { ApiKeySpendCapAccess } from './api-key-spend-cap-access';
import { BudgetCache } from './budget-cache.port';

@Injectable()
export class RemoveApiKeySpendCap {
  constructor(
    private readonly caps: ApiKeySpendCapRepository,
    private readonly access: ApiKeySpendCapAccess,
    private readonly budgets: BudgetCache,
  ) {}

  async execute(tenantId: TenantId, actor: Principal, apiKeyId: string): Promise<void> {
    await this.access.assertMayCap(tenantId, actor, apiKeyId);
    if (!(await this.caps.delete(tenantId, apiKeyId))) throw new NotFoundError('Spend cap', apiKeyId);
    await this.budgets.invalidateApiKey(tenantId, apiKeyId);
  }
}
