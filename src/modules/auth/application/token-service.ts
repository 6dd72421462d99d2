import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { JWTPayload, jwtVerify } from 'jose';
import { AppConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/domain/clock.port';
import { UnauthenticatedError } from '../../../shared/domain/domain-error';
import { LRUCache } from 'lru-cache';
import { SigningKeys } from './signing-keys';

export interface UserAccessClaims {
  typ: 'user';
  /** refresh-token family (the session) */
  sid: string;
}

export interface ServiceAccessClaims {
  typ: 'service';
  scope: string;
  /** tenant the token is bound to, if any */
  tid?: string;
  /** tenants it may select with X-Organization-Id when not bound: '*' or a list */
  ten?: '*' | string[];
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export type AccessClaims = JWTPayload & (UserAccessClaims | ServiceAccessClaims) & { sub: string };

/** Signs and verifies access tokens: EdDSA only, issuer and audience checked, time from the Clock. */
@Injectable()
export class TokenService {
  /**
   * Tokens already verified, keyed by the whole token (signature included), so a client reusing its token
   * costs a map lookup instead of an Ed25519 verification. Expiry is still checked on every use, and any
   * change of the key set (rotation, removal) makes entries re-verify.
   */
  private readonly verified: LRUCache<string, { claims: AccessClaims; generation: number }>;

  constructor(
    private readonly keys: SigningKeys,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.verified = new LRUCache<string, { claims: AccessClaims; generation: number }>({
      max: 50_000,
      ttl: config.auth.cacheTtlMs || 1,
    }); // ttl 0 in config = effectively no caching;
  }

  get accessTtlSeconds(): number {
    return this.config.auth.accessTokenTtlSeconds;
  }

  async sign(
    subject: string,
    claims: UserAccessClaims | ServiceAccessClaims,
    ttlSeconds = this.accessTtlSeconds,
  ): Promise<string> {
    const signer = await this.keys.signer();
    const now = Math.floor(this.clock.now().getTime() / 1000);
    // Compact JWS built here rather than by jose: the signature may come from a remote signer (Vault Transit).
    const header = b64url({ alg: 'EdDSA', kid: signer.kid, typ: 'JWT' });
    const payload = b64url({
      ...claims,
      sub: subject,
      iss: this.config.auth.issuer,
      aud: this.config.auth.audience,
      iat: now,
      exp: now + ttlSeconds,
      jti: randomBytes(9).toString('base64url'),
    });
    const signature = await signer.sign(Buffer.from(`${header}.${payload}`));
    return `${header}.${payload}.${Buffer.from(signature).toString('base64url')}`;
  }

  async verify(token: string): Promise<AccessClaims> {
    const hit = this.verified.get(token);
    if (hit && hit.generation === this.keys.generation) {
      if (hit.claims.exp! * 1000 > this.clock.now().getTime()) return hit.claims;
      this.verified.delete(token);
    }
    const generation = this.keys.generation;
    const claims = await this.verifyFully(token);
    this.verified.set(token, { claims, generation });
    return claims;
  }

  private async verifyFully(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(
        token,
        async (header) => {
          const key = await this.keys.verificationKey(header.kid);
          if (!key) throw new Error('unknown kid');
          return key;
        },
        {
          algorithms: ['EdDSA'],
          issuer: this.config.auth.issuer,
          audience: this.config.auth.audience,
          currentDate: this.clock.now(),
          requiredClaims: ['sub', 'exp', 'iat'],
        },
      );
      if (payload.typ !== 'user' && payload.typ !== 'service') throw new Error('unknown token type');
      // We never issue a token living longer than the configured TTL: a longer one was forged (or made
      // under an older, laxer setting) and is refused, as is one issued in the future.
      if (payload.exp! - payload.iat! > this.accessTtlSeconds) throw new Error('lifetime above the maximum');
      if (payload.iat! * 1000 > this.clock.now().getTime() + 60_000) throw new Error('issued in the future');
      return payload as AccessClaims;
    } catch {
      throw new UnauthenticatedError('The access token is invalid or expired', 'invalid_token');
    }
  }
}
