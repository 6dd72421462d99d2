import { Injectable } from '@nestjs/common';
import { Principal } from '../../../shared/context/principal';
import { assertMayManageKey } from '../../../shared/context/permissions';
import { Clock } from '../../../shared/domain/clock.port';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { AuditTrail } from '../../../shared/contracts/audit-trail';
import { InvalidationBus } from '../../../shared/contracts/invalidation-bus';
import { ApiKeyRepository } from '../domain/auth.ports';
import { TOPIC } from './api-keys';

@Injectable()
export class RevokeApiKey {
  constructor(
    private readonly repo: ApiKeyRepository,
    private readonly bus: InvalidationBus,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async execute(tenantId: TenantId, id: string, actor: Principal | null): Promise<void> {
    const key = await this.repo.find(tenantId, id);
    if (key && actor) assertMayManageKey(actor, key.createdBy);
    const prefix = await this.repo.revoke(tenantId, id, this.clock.now());
    if (!prefix) throw new NotFoundError('API key', id);
    // Every instance drops its cached copy now, so the key fails everywhere on its next use.
    await this.bus.publish(TOPIC, prefix);
    await this.audit.record(tenantId, { action: 'api_key.revoked', target: id, details: { prefix } });
  }
}
