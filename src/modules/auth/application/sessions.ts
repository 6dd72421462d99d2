import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { AppConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/domain/clock.port';
import { UnauthenticatedError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { AuditTrail } from '../../../shared/contracts/audit-trail';
import { MembershipDirectory } from '../../../shared/contracts/memberships';
import { RefreshTokenRepository } from '../domain/auth.ports';
import { TokenService } from './token-service';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** Refresh tokens are random and opaque; only their SHA-256 is stored (they have 256 bits of entropy). */
const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest();

/**
 * One refresh-token family per login. Each refresh rotates the token; a token presented a second time
 * means it leaked (or a client raced itself), so the whole family is revoked.
 */
@Injectable()
export class Sessions {
  constructor(
    private readonly tokens: TokenService,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly directory: MembershipDirectory,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async start(userId: string): Promise<TokenPair> {
    const familyId = newId();
    await this.refreshTokens.createFamily(familyId, userId);
    return this.issue(familyId, userId);
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const result = await this.refreshTokens.consume(hashRefreshToken(refreshToken), this.clock.now());
    if (result.outcome === 'rotated') return this.issue(result.familyId, result.userId);
    if (result.outcome === 'reused') {
      await this.refreshTokens.revokeFamily(result.familyId, 'reuse_detected');
      const tenants = (await this.directory.forUser(result.userId)).map((m) => m.tenantId);
      await this.audit.record(tenants, {
        action: 'auth.refresh_reuse_detected',
        target: result.userId,
        details: { sessionId: result.familyId },
        actor: { kind: 'user', id: result.userId },
      });
    }
    throw new UnauthenticatedError(
      'The refresh token is invalid, expired or revoked',
      'invalid_refresh_token',
    );
  }

  /** Ends the session given by id, or by one of its refresh tokens. */
  async end(session: { familyId?: string; refreshToken?: string; userId: string }): Promise<void> {
    let familyId = session.familyId;
    if (session.refreshToken) {
      const found = await this.refreshTokens.familyOf(hashRefreshToken(session.refreshToken));
      if (found?.userId === session.userId) familyId = found.familyId;
    }
    if (familyId) await this.refreshTokens.revokeFamily(familyId, 'logout');
  }

  private async issue(familyId: string, userId: string): Promise<TokenPair> {
    const refreshToken = `rt_${randomBytes(32).toString('base64url')}`;
    await this.refreshTokens.insert({
      id: newId(),
      familyId,
      tokenHash: hashRefreshToken(refreshToken),
      expiresAt: new Date(this.clock.now().getTime() + this.config.auth.refreshTokenTtlSeconds * 1000),
    });
    const accessToken = await this.tokens.sign(userId, { typ: 'user', sid: familyId });
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: this.tokens.accessTtlSeconds };
  }
}
