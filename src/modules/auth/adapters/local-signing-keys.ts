import { Injectable, OnModuleInit } from '@nestjs/common';
import { createPrivateKey, generateKeyPairSync, KeyObject, randomBytes, sign } from 'node:crypto';
import { importJWK } from 'jose';
import { AppConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/domain/clock.port';
import { InvalidationBus } from '../../../shared/contracts/invalidation-bus';
import { CLOCK_SKEW_SECONDS, ReloadingSigningKeys, VerificationKey } from './reloading-signing-keys';
import { SigningKeyRepository, StoredSigningKey } from '../domain/auth.ports';
import { decryptSecret, encryptSecret } from '../application/key-encryption';
import { PublicJwk, Signer, SigningKeyInfo } from '../application/signing-keys';

/**
 * The local store (default): Ed25519 keys generated here, private halves AES-GCM encrypted in Postgres under
 * AUTH_KEY_ENCRYPTION_KEY, with the lifecycle `next` -> `active` -> `retired` -> removed (SigningKeys).
 */
@Injectable()
export class LocalSigningKeys extends ReloadingSigningKeys implements OnModuleInit {
  private verifiers = new Map<string, { key: VerificationKey; status: StoredSigningKey['status'] }>();
  private signing: Signer | null = null;
  private published: PublicJwk[] = [];

  constructor(
    private readonly repo: SigningKeyRepository,
    bus: InvalidationBus,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    super(bus);
  }

  async onModuleInit(): Promise<void> {
    this.listenForChanges();
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

  async signer(): Promise<Signer> {
    if (!this.signing) await this.reload();
    if (!this.signing) throw new Error('No active signing key');
    return this.signing;
  }

  protected verifier(kid: string): VerificationKey | null {
    return this.verifiers.get(kid)?.key ?? null;
  }

  jwks(): PublicJwk[] {
    return this.published;
  }

  async list(): Promise<SigningKeyInfo[]> {
    return (await this.repo.list()).map(({ kid, status, createdAt, activatedAt, retiredAt }) => ({
      kid,
      status,
      createdAt,
      activatedAt,
      retiredAt,
    }));
  }

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

  protected async load(): Promise<void> {
    const keys = await this.repo.list();
    const verifiers = new Map<string, { key: VerificationKey; status: StoredSigningKey['status'] }>();
    let signing: Signer | null = null;
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
            : localSigner(
                k.kid,
                createPrivateKey({
                  key: JSON.parse(decryptSecret(k.privateKeyEnc, this.config.auth.keyEncryptionKey)),
                  format: 'jwk',
                }),
              );
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

const localSigner = (kid: string, privateKey: KeyObject): Signer => ({
  kid,
  sign: async (data) => sign(null, data, privateKey),
});

const toPublicJwk = (k: StoredSigningKey): PublicJwk => ({
  kty: 'OKP',
  crv: 'Ed25519',
  x: String((k.publicJwk as { x?: string }).x),
  kid: k.kid,
  alg: 'EdDSA',
  use: 'sig',
});
