import { Injectable } from '@nestjs/common';
import { assertMayManageKey } from '../../../shared/context/permissions';
import { Principal } from '../../../shared/context/principal';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { ApiKeySpendCapRepository } from '../domain/api-key-spend-cap';

/** Who may cap a key is who may manage it: 404 for a key of another tenant, 403 for someone else's key. */
@Injectable()
export class ApiKeySpendCapAccess {
  constructor(private readonly caps: ApiKeySpendCapRepository) {}

  async assertMayCap(tenantId: TenantId, actor: Principal, apiKeyId: string): Promise<void> {
    const createdBy = await this.caps.apiKeyCreator(tenantId, apiKeyId);
    if (createdBy === undefined) throw new NotFoundError('API key', apiKeyId);
    assertMayManageKey(actor, createdBy);
  }
}
