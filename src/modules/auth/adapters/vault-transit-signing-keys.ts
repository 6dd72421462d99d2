import { Injectable, OnModuleInit } from '@nestjs/common';
import { importJWK } from 'jose';
import { AppConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/domain/clock.port';
import { VaultClient } from '../../../shared/vault/vault-client';
import { InvalidationBus } from '../../../shared/contracts/invalidation-bus';
import { CLOCK_SKEW_SECONDS, ReloadingSigningKeys, VerificationKey } from './reloading-signing-keys';
import { PublicJwk, Rotation, Signer, SigningKeyInfo } from '../application/signing-keys';

interface TransitKey {
  data: {
    type: string;
    latest_version: number;
    min_decryption_version: number;
    keys: Record<string, { public_key: string; creation_time: string }>;
  };
}

interface Version {
  version: number;
  kid: string;
  info: SigningKeyInfo;
  jwk: PublicJwk;
}

/**
 * Vault Transit as the signing port: one Ed25519 Transit key whose versions carry the lifecycle. The
 * latest version is `next`, the one before it `active` (tokens are signed by transit/sign with that
 * key_version), older ones `retired`; `rotate` is Transit's rotate. A retired version is removed by raising
 * the key's min_decryption_version past it once every token it signed has expired; versions below it are
 * no longer published. The JWKS is built from the versions' public keys; private keys never leave Vault.
 */
@Injectable()
export class VaultTransitSigningKeys extends ReloadingSigningKeys implements OnModuleInit {
  private readonly vault: VaultClient;
  private versions: Version[] = [];
  private verifiers = new Map<string, VerificationKey>();

  constructor(
    bus: InvalidationBus,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    super(bus);
    this.vault = new VaultClient(config.vault);
  }

  private get keyPath(): string {
    return `${this.config.vault.transitMount}/keys/${encodeURIComponent(this.config.vault.transitKey)}`;
  }

  async onModuleInit(): Promise<void> {
    this.listenForChanges();
    let key = await this.vault.read<TransitKey>(this.keyPath);
    if (!key) {
      await this.vault.write(this.keyPath, { type: 'ed25519' });
      key = await this.vault.read<TransitKey>(this.keyPath);
    }
    if (!key || key.data.type !== 'ed25519')
      throw new Error(`Vault Transit key ${this.config.vault.transitKey} must be of type ed25519`);
    // An active and a next version are needed: a new key has only one.
    if (key.data.latest_version < 2) await this.vault.write(`${this.keyPath}/rotate`);
    await this.reload();
  }

  async signer(): Promise<Signer> {
    let active = this.versions.find((v) => v.info.status === 'active');
    if (!active) {
      await this.reload();
      active = this.versions.find((v) => v.info.status === 'active');
    }
    if (!active) throw new Error('No active signing key version in Vault Transit');
    const { version, kid } = active;
    return {
      kid,
      sign: async (data) => {
        const res = await this.vault.write<{ data: { signature: string } }>(
          `${this.config.vault.transitMount}/sign/${encodeURIComponent(this.config.vault.transitKey)}`,
          { input: Buffer.from(data).toString('base64'), key_version: version },
        );
        const signature = res?.data.signature ?? '';
        const prefix = `vault:v${version}:`;
        if (!signature.startsWith(prefix)) throw new Error('Vault Transit answered an unexpected signature');
        return Buffer.from(signature.slice(prefix.length), 'base64');
      },
    };
  }

  protected verifier(kid: string): VerificationKey | null {
    return this.verifiers.get(kid) ?? null;
  }

  jwks(): PublicJwk[] {
    return this.versions.map((v) => v.jwk);
  }

  async list(): Promise<SigningKeyInfo[]> {
    await this.reload();
    return this.versions.map((v) => v.info);
  }

  async rotate(): Promise<Rotation> {
    await this.reload();
    const before = this.versions;
    await this.vault.write(`${this.keyPath}/rotate`);
    const removed = await this.pruneVersions();
    await this.changed();
    const now = this.versions;
    const result = {
      activeKid: now.find((v) => v.info.status === 'active')!.kid,
      retiredKid: before.find((v) => v.info.status === 'active')?.kid ?? null,
      nextKid: now.find((v) => v.info.status === 'next')!.kid,
      removed,
    };
    this.logger.log(
      `Signing key rotated in Vault: active ${result.activeKid}, retired ${result.retiredKid ?? '-'}`,
    );
    return result;
  }

  async prune(): Promise<string[]> {
    await this.reload();
    const removed = await this.pruneVersions();
    if (removed.length) await this.changed();
    return removed;
  }

  /** Raises min_decryption_version past the retired versions whose tokens have all expired. */
  private async pruneVersions(): Promise<string[]> {
    const key = await this.vault.read<TransitKey>(this.keyPath);
    if (!key) return [];
    const keepMs = (this.config.auth.accessTokenTtlSeconds + CLOCK_SKEW_SECONDS) * 1000;
    const now = this.clock.now().getTime();
    const expired = toVersions(key, this.config.vault.transitKey).filter(
      (v) => v.info.status === 'retired' && v.info.retiredAt && now - v.info.retiredAt.getTime() >= keepMs,
    );
    if (!expired.length) return [];
    const min = Math.max(...expired.map((v) => v.version)) + 1;
    await this.vault.write(`${this.keyPath}/config`, { min_decryption_version: min });
    return expired.map((v) => v.kid);
  }

  protected async load(): Promise<void> {
    const key = await this.vault.read<TransitKey>(this.keyPath);
    if (!key) throw new Error(`Vault Transit key ${this.config.vault.transitKey} does not exist`);
    const versions = toVersions(key, this.config.vault.transitKey);
    const verifiers = new Map<string, VerificationKey>();
    for (const v of versions)
      verifiers.set(v.kid, this.verifiers.get(v.kid) ?? (await importJWK({ ...v.jwk }, 'EdDSA')));
    this.versions = versions;
    this.verifiers = verifiers;
    this.generation++;
  }
}

/** The published versions (from min_decryption_version) with their lifecycle status and dates. */
function toVersions(key: TransitKey, name: string): Version[] {
  const { latest_version: latest, min_decryption_version: min, keys } = key.data;
  const created = (v: number) => (keys[String(v)] ? new Date(keys[String(v)].creation_time) : null);
  const out: Version[] = [];
  for (let version = Math.max(1, min); version <= latest; version++) {
    const entry = keys[String(version)];
    if (!entry) continue;
    const kid = `${name}-v${version}`;
    const status = version === latest ? 'next' : version === latest - 1 ? 'active' : 'retired';
    out.push({
      version,
      kid,
      info: {
        kid,
        status,
        createdAt: new Date(entry.creation_time),
        activatedAt: status === 'next' ? null : created(version + 1),
        retiredAt: status === 'retired' ? created(version + 2) : null,
      },
      jwk: {
        kty: 'OKP',
        crv: 'Ed25519',
        x: Buffer.from(entry.public_key, 'base64').toString('base64url'),
        kid,
        alg: 'EdDSA',
        use: 'sig',
      },
    });
  }
  return out;
}
