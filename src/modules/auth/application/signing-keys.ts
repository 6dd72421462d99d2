import { importJWK } from 'jose';
import { SigningKeyStatus } from '../domain/auth.ports';

type Key = Awaited<ReturnType<typeof importJWK>>;

export interface PublicJwk {
  kty: string;
  crv: string;
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

/** Signs with the active key; the private key stays wherever the adapter keeps it. */
export interface Signer {
  kid: string;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

export interface SigningKeyInfo {
  kid: string;
  status: SigningKeyStatus;
  createdAt: Date;
  activatedAt: Date | null;
  retiredAt: Date | null;
}

export interface Rotation {
  activeKid: string;
  retiredKid: string | null;
  nextKid: string;
  removed: string[];
}

/**
 * The signing port: Ed25519 keys with the lifecycle `next` (published in JWKS, not signing yet) ->
 * `active` (signs) -> `retired` (verifies only, until every token it signed has expired) -> removed.
 * Rotation promotes `next`, so verifiers that cache the JWKS know the new key before its first token.
 * Adapters: the local store (LocalSigningKeys, default) and Vault Transit (VaultTransitSigningKeys).
 */
export abstract class SigningKeys {
  /** Bumped whenever the key set is reloaded, so caches of verified tokens know to re-verify. */
  generation = 0;
  /** The key that signs new tokens. */
  abstract signer(): Promise<Signer>;
  /** Public key for a kid, or null if unknown or removed. Unknown kids trigger a (throttled) reload. */
  abstract verificationKey(kid: string | undefined): Promise<Key | null>;
  /** As of the last reload (start, any rotation or removal on any instance, or an unknown kid). */
  abstract jwks(): PublicJwk[];
  abstract list(): Promise<SigningKeyInfo[]>;
  /** next -> active, active -> retired, a fresh next; then removes retired keys whose tokens have all expired. */
  abstract rotate(): Promise<Rotation>;
  /** Removes retired keys older than the access-token lifetime (plus clock skew). */
  abstract prune(): Promise<string[]>;
}
