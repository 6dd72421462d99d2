import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../../config/app-config';
import { Principal } from '../../../shared/context/principal';
import { assertMayManageKey, creatorRef, ROLE_SCOPES } from '../../../shared/context/permissions';
import { Clock } from '../../../shared/domain/clock.port';
import {
  ForbiddenError,
  InvalidError,
  NotFoundError,
  UnauthenticatedError,
} from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { AuditTrail } from '../../tenancy/application/audit-trail';
import { LRUCache } from 'lru-cache';
import { InvalidationBus } from '../../tenancy/domain/invalidation-bus.port';
import { generateApiKey, parseApiKey } from '../domain/api-key-token';
import { ApiKeyRepository, StoredApiKey } from '../domain/auth.ports';

const TOPIC = 'api-key';
/** last_used_at is a hint, not an audit trail: written at most once a minute per key per instance. */
const TOUCH_INTERVAL_MS = 60_000;

export type ApiKeyView = Omit<StoredApiKey, 'secretHash' | 'tenantId'>;
const view = ({ secretHash: _h, tenantId: _t, ...rest }: StoredApiKey): ApiKeyView => rest;

/** Keyed hash of the secret: fast enough for every request, useless to whoever steals only the database. */
export const hashApiKeySecret = (pepper: string, secret: string): Buffer =>
  createHmac('sha256', pepper).update(secret).digest();

export function scopesOf(principal: Principal): readonly string[] {
  return principal.kind === 'user' ? (principal.role ? ROLE_SCOPES[principal.role] : []) : principal.scopes;
}

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

@Injectable()
export class ListApiKeys {
  constructor(private readonly repo: ApiKeyRepository) {}

  async execute(tenantId: TenantId): Promise<ApiKeyView[]> {
    return (await this.repo.list(tenantId)).map(view);
  }
}

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

/**
 * The API-key request path: parse, look up by prefix (in-process cache, then one indexed query), HMAC
 * the secret and compare in constant time, check revocation and expiry. No argon2 here by design.
 */
@Injectable()
export class ApiKeyAuthenticator implements OnModuleInit, OnModuleDestroy {
  private readonly cache: LRUCache<string, StoredApiKey>;
  private readonly touched = new Map<string, number>();
  private readonly pendingTouches = new Set<Promise<void>>();
  /** Lookups in flight by prefix: concurrent misses (every expiry, under load) share one query. */
  private readonly loading = new Map<string, Promise<StoredApiKey | null>>();

  constructor(
    private readonly repo: ApiKeyRepository,
    private readonly bus: InvalidationBus,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.cache = new LRUCache<string, StoredApiKey>({ max: 10_000, ttl: config.auth.cacheTtlMs || 1 }); // ttl 0 in config = effectively no caching;
  }

  onModuleInit(): void {
    this.bus.subscribe(TOPIC, (prefix) => this.cache.delete(prefix));
  }

  /** Lets in-flight last-used writes finish before the database pool closes. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.pendingTouches);
  }

  async authenticate(raw: string): Promise<StoredApiKey> {
    const parts = parseApiKey(raw);
    if (!parts) throw invalidKey();
    let key = this.cache.get(parts.prefix);
    if (!key) {
      let load = this.loading.get(parts.prefix);
      if (!load) {
        const prefix = parts.prefix;
        load = this.repo.findByPrefix(prefix).finally(() => this.loading.delete(prefix));
        this.loading.set(prefix, load);
      }
      const found = await load;
      if (!found) throw invalidKey();
      key = found;
      this.cache.set(parts.prefix, key);
    }
    const given = hashApiKeySecret(this.config.auth.apiKeyPepper, parts.secret);
    if (!timingSafeEqual(given, key.secretHash)) throw invalidKey();
    const now = this.clock.now();
    if (key.revokedAt) throw new UnauthenticatedError('This API key was revoked', 'api_key_revoked');
    if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) {
      throw new UnauthenticatedError('This API key has expired', 'api_key_expired');
    }
    this.touch(key.id, now);
    return key;
  }

  private touch(id: string, now: Date): void {
    const last = this.touched.get(id) ?? 0;
    if (Date.now() - last < TOUCH_INTERVAL_MS) return;
    this.touched.set(id, Date.now());
    if (this.touched.size > 10_000) this.touched.clear();
    const write = this.repo.touch(id, now).catch(() => undefined);
    this.pendingTouches.add(write);
    void write.finally(() => this.pendingTouches.delete(write));
  }
}

const invalidKey = () => new UnauthenticatedError('The API key is not valid', 'invalid_api_key');
