import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { importJWK } from 'jose';
import { AppConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/domain/clock.port';
import { InvalidationBus } from '../../tenancy/domain/invalidation-bus.port';
import { SigningKeyRepository, StoredSigningKey } from '../domain/auth.ports';
import { decryptSecret, encryptSecret } from './key-encryption';

type Key = Awaited<ReturnType<typeof importJWK>>;
const TOPIC = 'signing-keys';
/** Verifiers' clocks may lag a little; a retired key is kept this much longer than the token lifetime. */
const CLOCK_SKEW_SECONDS = 60;
const RELOAD_MIN_INTERVAL_MS = 1000;

export interface PublicJwk {
  kty: string;
  crv: string;
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

/**
 * Ed25519 signing keys and their lifecycle: `next` (published in JWKS, not signing yet) -> `active` (signs)
 * -> `retired` (verifies only, until every token it signed has expired) -> removed. Rotation promotes
 * `next`, so verifiers that cache the JWKS already know the new key before the first token it signs.
 */
@Injectable()
export class SigningKeys implements OnModuleInit {
  private readonly logger = new Logger('SigningKeys');
  private verifiers = new Map<string, { key: Key; status: StoredSigningKey['status'] }>();
  private signing: { kid: string; key: Key } | null = null;
  private published: PublicJwk[] = [];
  private lastReload = 0;
  /** Bumped whenever the key set is reloaded, so caches of verified tokens know to re-verify. */
  generation = 0;
  private reloading: Promise<void> | null = null;

  constructor(
    private readonly repo: SigningKeyRepository,
    private readonly bus: InvalidationBus,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    this.bus.subscribe(TOPIC, () => void this.reload().catch((e: Error) => this.logger.warn(e.message)));
    await this.repo.withLock(async () => {
      const keys = await this.repo.list();
      const now = this.clock.now();
      if (!keys.some((k) => k.status === 'active')) {
        const next = keys.find((k) => k.status === 'next');
        if (next) await this.repo.setStatus(next.kid, 'active', now);
        else await this.repo.insert(this.generate('active', now));
      }
      if (!keys.some((k) => k.status === 'next')) await this.repo.insert(this.generate('next', now));
    });
    await this.reload();
  }

  /** The key that signs new tokens. */
  async signer(): Promise<{ kid: string; key: Key }> {
    if (!this.signing) await this.reload();
    if (!this.signing) throw new Error('No active signing key');
    return this.signing;
  }

  /** Public key for a kid, or null if unknown or removed. Unknown kids trigger a (throttled) reload. */
  async verificationKey(kid: string | undefined): Promise<Key | null> {
    if (!kid) return null;
    const hit = this.verifiers.get(kid);
    if (hit) return hit.key;
    if (Date.now() - this.lastReload >= RELOAD_MIN_INTERVAL_MS) await this.reload();
    return this.verifiers.get(kid)?.key ?? null;
  }

  /** As of the last reload (start, any rotation or removal on any instance, or an unknown kid). */
  jwks(): PublicJwk[] {
    return this.published;
  }

  list(): Promise<StoredSigningKey[]> {
    return this.repo.list();
  }

  /** next -> active, active -> retired, a fresh next; then removes retired keys whose tokens have all expired. */
  async rotate(): Promise<{
    activeKid: string;
    retiredKid: string | null;
    nextKid: string;
    removed: string[];
  }> {
    const result = await this.repo.withLock(async () => {
      const now = this.clock.now();
      const keys = await this.repo.list();
      const active = keys.find((k) => k.status === 'active');
      let next: { kid: string } | undefined = keys.find((k) => k.status === 'next');
      if (!next) {
        const made = this.generate('next', now);
        await this.repo.insert(made);
        next = made;
      }
      if (active) await this.repo.setStatus(active.kid, 'retired', now);
      await this.repo.setStatus(next.kid, 'active', now);
      const fresh = this.generate('next', now);
      await this.repo.insert(fresh);
      const removed = await this.pruneLocked(now);
      return { activeKid: next.kid, retiredKid: active?.kid ?? null, nextKid: fresh.kid, removed };
    });
    this.logger.log(`Signing key rotated: active ${result.activeKid}, retired ${result.retiredKid ?? '-'}`);
    await this.changed();
    return result;
  }

  /** Removes retired keys older than the access-token lifetime (plus clock skew). */
  async prune(): Promise<string[]> {
    const removed = await this.repo.withLock(() => this.pruneLocked(this.clock.now()));
    if (removed.length) await this.changed();
    return removed;
  }

  private async pruneLocked(now: Date): Promise<string[]> {
    const keepMs = (this.config.auth.accessTokenTtlSeconds + CLOCK_SKEW_SECONDS) * 1000;
    const expired = (await this.repo.list()).filter(
      (k) => k.status === 'retired' && k.retiredAt && now.getTime() - k.retiredAt.getTime() >= keepMs,
    );
    await this.repo.remove(expired.map((k) => k.kid));
    return expired.map((k) => k.kid);
  }

  private async changed(): Promise<void> {
    await this.bus.publish(TOPIC, 'changed');
    await this.reload();
  }

  private reload(): Promise<void> {
    this.reloading ??= this.doReload().finally(() => (this.reloading = null));
    return this.reloading;
  }

  private async doReload(): Promise<void> {
    this.lastReload = Date.now();
    const keys = await this.repo.list();
    const verifiers = new Map<string, { key: Key; status: StoredSigningKey['status'] }>();
    let signing: { kid: string; key: Key } | null = null;
    for (const k of keys) {
      const known = this.verifiers.get(k.kid);
      verifiers.set(k.kid, {
        key: known?.key ?? (await importJWK({ ...toPublicJwk(k) }, 'EdDSA')),
        status: k.status,
      });
      if (k.status === 'active') {
        signing =
          this.signing?.kid === k.kid
            ? this.signing
            : {
                kid: k.kid,
                key: await importJWK(
                  JSON.parse(decryptSecret(k.privateKeyEnc, this.config.auth.keyEncryptionKey)),
                  'EdDSA',
                ),
              };
      }
    }
    this.verifiers = verifiers;
    this.signing = signing;
    this.published = keys.map(toPublicJwk);
    this.generation++;
  }

  private generate(status: 'next' | 'active', now: Date): Omit<StoredSigningKey, 'createdAt'> {
    const kid = `${now.toISOString().slice(0, 10)}-${randomBytes(6).toString('hex')}`;
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const pub = publicKey.export({ format: 'jwk' });
    const priv = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'EdDSA' };
    return {
      kid,
      status,
      publicJwk: { ...pub, kid } as StoredSigningKey['publicJwk'],
      privateKeyEnc: encryptSecret(JSON.stringify(priv), this.config.auth.keyEncryptionKey),
      activatedAt: status === 'active' ? now : null,
      retiredAt: null,
    };
  }
}

const toPublicJwk = (k: StoredSigningKey): PublicJwk => ({
  kty: 'OKP',
  crv: 'Ed25519',
  x: String((k.publicJwk as { x?: string }).x),
  kid: k.kid,
  alg: 'EdDSA',
  use: 'sig',
});
