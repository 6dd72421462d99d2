import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { ApiKeySpendCap, ApiKeySpendCapRepository } from '../domain/api-key-spend-cap';
import { num } from './numeric';
import { tenantQuery } from '../../../shared/persistence/tenant-sql';

@Injectable()
export class TypeOrmApiKeySpendCapRepository extends ApiKeySpendCapRepository {
  constructor(private readonly t: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async apiKeyCreator(tenantId: TenantId, apiKeyId: string): Promise<string | null | undefined> {
    const [row] = await tenantQuery(
      this.t.tx,
      tenantId,
      `SELECT created_by FROM api_keys WHERE tenant_id = $1 AND id = $2`,
      [apiKeyId],
    );
    return row ? ((row.created_by as string | null) ?? null) : undefined;
  }

  async upsert(tenantId: TenantId, cap: ApiKeySpendCap): Promise<void> {
    await tenantQuery(
      this.t.tx,
      tenantId,
      `INSERT INTO api_key_spend_caps (id, tenant_id, api_key_id, amount, currency) VALUES ($2,$1,$3,$4,$5)
       ON CONFLICT (tenant_id, api_key_id) DO UPDATE SET amount = EXCLUDED.amount, currency = EXCLUDED.currency`,
      [newId(), cap.apiKeyId, cap.amount, cap.currency],
    );
  }

  async find(tenantId: TenantId, apiKeyId: string): Promise<ApiKeySpendCap | null> {
    const [row] = await tenantQuery<{ api_key_id: string; amount: string; currency: string }>(
      this.t.tx,
      tenantId,
      `SELECT * FROM api_key_spend_caps WHERE tenant_id = $1 AND api_key_id = $2`,
      [apiKeyId],
    );
    return row
      ? { apiKeyId: row.api_key_id, amount: num(row.amount) as string, currency: row.currency }
      : null;
  }

  async delete(tenantId: TenantId, apiKeyId: string): Promise<boolean> {
    const rows = await tenantQuery(
      this.t.tx,
      tenantId,
      `DELETE FROM api_key_spend_caps WHERE tenant_id = $1 AND api_key_id = $2 RETURNING id`,
      [apiKeyId],
    );
    return rows.length > 0;
  }
}
