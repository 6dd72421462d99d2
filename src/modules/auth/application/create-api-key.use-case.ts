import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { Principal } from '../../../shared/context/principal';
import { creatorRef } from '../../../shared/context/permissions';
import { Clock } from '../../../shared/domain/clock.port';
import { ForbiddenError, InvalidError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { AuditTrail } from '../../../shared/contracts/audit-trail';
import { generateApiKey } from '../domain/api-key-token';
import { ApiKeyRepository } from '../domain/auth.ports';
import { ApiKeyView, view, hashApiKeySecret, scopesOf } from './api-keys';

@Injectable()
export class CreateApiKey {
  constructor(
    private readonly repo: ApiKeyRepository,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The key is returned once; only its prefix and HMAC are stored. Nobody grants scopes they lack. */
  async execute(
    tenantId: TenantId,
    creator: Principal | null,
    input: { name: string; scopes: string[]; expiresAt?: Date },
  ): Promise<ApiKeyView & { key: string }> {
    if (creator) {
      const held = scopesOf(creator);
      const missing = input.scopes.filter((s) => !held.includes(s));
      if (missing.length)
        throw new ForbiddenError(`You cannot grant scopes you do not hold: ${missing.join(', ')}`);
    }
    if (input.expiresAt && input.expiresAt.getTime() <= this.clock.now().getTime()) {
      throw new InvalidError('invalid_expiry', 'expiresAt must be in the future', [
        { field: 'expiresAt', message: 'must be in the future' },
      ]);
    }
    const { key, prefix, secret } = generateApiKey();
    const stored = {
      id: newId(),
      tenantId,
      name: input.name.trim(),
      prefix,
      secretHash: hashApiKeySecret(this.config.auth.apiKeyPepper, secret),
      scopes: [...new Set(input.scopes)],
      createdBy: creator ? creatorRef(creator) : 'cli',
      expiresAt: input.expiresAt ?? null,
    };
    await this.repo.insert(stored);
    await this.audit.record(tenantId, {
      action: 'api_key.created',
      target: stored.id,
      details: { name: stored.name, prefix, scopes: stored.scopes },
      ...(creator ? {} : { actor: { kind: 'cli', id: 'cli' } }),
    });
    // Exactly the declared response: never the stored hash or the tenant.
    return { ...view({ ...stored, lastUsedAt: null, revokedAt: null, createdAt: this.clock.now() }), key };
  }
}
