import { Injectable } from '@nestjs/common';
import { createPublicKey, KeyObject, randomBytes } from 'node:crypto';
import { Clock } from '../../../shared/domain/clock.port';
import { ConflictError, InvalidError } from '../../../shared/domain/domain-error';
import { ServiceAccountKey, ServiceAccountKeyRepository } from '../domain/http-signature';

const KEY_ID = /^[A-Za-z0-9_.:-]{3,128}$/;

const notEd25519 = () =>
  new InvalidError('invalid_public_key', 'The public key must be an Ed25519 key (JWK or SPKI PEM)', [
    { field: 'publicKey', message: 'must be an Ed25519 public key' },
  ]);

function parsePublicKey(input: { jwk?: Record<string, unknown>; pem?: string }): KeyObject {
  try {
    const key = input.jwk
      ? createPublicKey({ key: input.jwk as never, format: 'jwk' })
      : createPublicKey(String(input.pem));
    if (key.type !== 'public' || key.asymmetricKeyType !== 'ed25519') throw notEd25519();
    return key;
  } catch {
    throw notEd25519();
  }
}

/** A service account registers an Ed25519 public key; it signs requests with the private half. */
@Injectable()
export class RegisterServiceAccountKey {
  constructor(
    private readonly keys: ServiceAccountKeyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    serviceAccount: string,
    input: { jwk?: Record<string, unknown>; pem?: string; keyId?: string },
  ): Promise<ServiceAccountKey> {
    if (!input.jwk === !input.pem)
      throw new InvalidError('invalid_public_key', 'Send exactly one of publicKeyJwk and publicKeyPem');
    if (input.keyId !== undefined && !KEY_ID.test(input.keyId))
      throw new InvalidError('invalid_key_id', 'keyId is 3-128 letters, digits, _ . : -', [
        { field: 'keyId', message: 'must be 3-128 letters, digits, _ . : -' },
      ]);
    const x = parsePublicKey(input).export({ format: 'jwk' }).x as string;
    const key: ServiceAccountKey = {
      keyId: input.keyId ?? `sak_${randomBytes(12).toString('base64url')}`,
      serviceAccount,
      publicKey: x,
      createdAt: this.clock.now(),
      revokedAt: null,
    };
    if (!(await this.keys.insert(key)))
      throw new ConflictError('key_id_taken', `Key id ${key.keyId} is already registered`);
    return key;
  }
}
