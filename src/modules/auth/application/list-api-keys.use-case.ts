import { Injectable } from '@nestjs/common';
import { TenantId } from '../../../shared/domain/tenant-id';
import { ApiKeyRepository } from '../domain/auth.ports';
import { ApiKeyView, view } from './api-keys';

@Injectable()
export class ListApiKeys {
  constructor(private readonly repo: ApiKeyRepository) {}

  async execute(tenantId: TenantId): Promise<ApiKeyView[]> {
    return (await this.repo.list(tenantId)).map(view);
  }
}
