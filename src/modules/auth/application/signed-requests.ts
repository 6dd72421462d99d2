import { Injectable } from '@nestjs/common';
import { createPublicKey, verify } from 'node:crypto';
import { AppConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/domain/clock.port';
import { UnauthenticatedError } from '../../../shared/domain/domain-error';
import {
  checkContentDigest,
  checkFreshness,
  NonceStore,
  ServiceAccountKeyRepository,
  SignedRequestView,
  signatureToVerify,
} from '../domain/http-signature';
import { ServiceAccount } from '../domain/service-account';
import { ServiceAccountCatalog } from './service-account-catalog';

/**
 * Authenticates a request signed with a service account's registered Ed25519 key (RFC 9421): fresh
 * `created`, a known and unrevoked key, a valid signature over the covered components, a body matching
 * its Content-Digest, then a nonce never seen on any instance within the window. The nonce is claimed
 * last, so a forged request cannot burn a legitimate client's nonce.
 */
@Injectable()
export class SignedRequestAuthenticator {
  constructor(
    private readonly keys: ServiceAccountKeyRepository,
    private readonly nonces: NonceStore,
    private readonly catalog: ServiceAccountCatalog,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async authenticate(view: SignedRequestView): Promise<ServiceAccount> {
    const sig = signatureToVerify(view);
    const skew = this.config.auth.httpSignatureMaxSkewSeconds;
    checkFreshness(sig, Math.floor(this.clock.now().getTime() / 1000), skew);
    const key = await this.keys.find(sig.keyId);
    const account = key && !key.revokedAt ? this.catalog.findByName(key.serviceAccount) : undefined;
    if (!key || !account) throw new UnauthenticatedError(`Unknown signing key ${sig.keyId}`, 'unknown_key');
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: key.publicKey },
      format: 'jwk',
    });
    if (!verify(null, Buffer.from(sig.base, 'utf8'), publicKey, sig.signature))
      throw new UnauthenticatedError('The request signature does not verify', 'invalid_signature');
    checkContentDigest(view);
    if (!(await this.nonces.claim(`${sig.keyId}:${sig.nonce}`, 2 * skew)))
      throw new UnauthenticatedError('This nonce was already used', 'replayed_nonce');
    return account;
  }
}
