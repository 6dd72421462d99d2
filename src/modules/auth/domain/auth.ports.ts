import { TenantId } from '../../../shared/domain/tenant-id';

export interface User {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  emailVerifiedAt: Date | null;
  /** The organization requests without X-Organization-Id act in (when still a member). */
  defaultOrganizationId: string | null;
  createdAt: Date;
}

export abstract class UserRepository {
  /** false when the email is taken. */
  abstract create(
    user: Omit<User, 'createdAt' | 'emailVerifiedAt' | 'defaultOrganizationId'>,
  ): Promise<boolean>;
  abstract findByEmail(email: string): Promise<User | null>;
  abstract findById(id: string): Promise<User | null>;
  abstract markEmailVerified(id: string, at: Date): Promise<void>;
  abstract setCredentials(id: string, passwordHash: string, name: string): Promise<void>;
  abstract setDefaultOrganization(id: string, organizationId: string | null): Promise<void>;
}

export interface EmailVerification {
  id: string;
  userId: string;
  tokenHash: Buffer;
  expiresAt: Date;
  /** Set when a repeated sign-up of an unverified address chose new credentials: applied on verification. */
  passwordHash: string | null;
  name: string | null;
}

export abstract class EmailVerificationRepository {
  abstract insert(verification: EmailVerification): Promise<void>;
  /**
   * Uses the token if it is unused and unexpired — atomically, so it works once — and voids every other
   * open token of the same user. Null when the token is unknown, used or expired.
   */
  abstract consume(tokenHash: Buffer, now: Date): Promise<EmailVerification | null>;
}

export type ConsumeResult =
  | { outcome: 'rotated'; familyId: string; userId: string }
  | { outcome: 'reused'; familyId: string; userId: string }
  | { outcome: 'invalid' };

export abstract class RefreshTokenRepository {
  abstract createFamily(familyId: string, userId: string): Promise<void>;
  abstract insert(token: { id: string; familyId: string; tokenHash: Buffer; expiresAt: Date }): Promise<void>;
  /**
   * Marks the token used if it is unused, unexpired and its family is live — atomically, so of several
   * concurrent calls with one token exactly one gets `rotated`. A token that was already used is `reused`.
   */
  abstract consume(tokenHash: Buffer, now: Date): Promise<ConsumeResult>;
  abstract revokeFamily(familyId: string, reason: string): Promise<void>;
  /** Ends every session of the user (their credentials changed hands). */
  abstract revokeAllForUser(userId: string, reason: string): Promise<void>;
  abstract familyOf(tokenHash: Buffer): Promise<{ familyId: string; userId: string } | null>;
}

export type SigningKeyStatus = 'next' | 'active' | 'retired';

export interface StoredSigningKey {
  kid: string;
  status: SigningKeyStatus;
  publicJwk: { kty: string; crv?: string; x?: string; kid: string };
  privateKeyEnc: string;
  createdAt: Date;
  activatedAt: Date | null;
  retiredAt: Date | null;
}

export abstract class SigningKeyRepository {
  abstract list(): Promise<StoredSigningKey[]>;
  /** Runs `work` holding a cluster-wide lock, so two instances never rotate at once. */
  abstract withLock<T>(work: () => Promise<T>): Promise<T>;
  abstract insert(key: Omit<StoredSigningKey, 'createdAt'>): Promise<void>;
  abstract setStatus(kid: string, status: SigningKeyStatus, at: Date): Promise<void>;
  abstract remove(kids: string[]): Promise<void>;
}

export interface StoredApiKey {
  id: string;
  tenantId: TenantId;
  name: string;
  prefix: string;
  secretHash: Buffer;
  scopes: string[];
  createdBy: string | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export abstract class ApiKeyRepository {
  abstract insert(key: Omit<StoredApiKey, 'lastUsedAt' | 'revokedAt' | 'createdAt'>): Promise<void>;
  /** Across tenants: the prefix is what identifies the key on the request path. */
  abstract findByPrefix(prefix: string): Promise<StoredApiKey | null>;
  abstract list(tenantId: TenantId): Promise<StoredApiKey[]>;
  abstract find(tenantId: TenantId, id: string): Promise<StoredApiKey | null>;
  /** The revoked key's prefix, or null when no live key with that id is in this tenant. */
  abstract revoke(tenantId: TenantId, id: string, at: Date): Promise<string | null>;
  abstract touch(id: string, at: Date): Promise<void>;
}

/** Failed-login counters per account and client IP, per account, and per client IP. */
export abstract class LoginThrottle {
  /** Throws RateLimitedError (with Retry-After) when any limit is reached. */
  abstract assertAllowed(email: string, ip: string): Promise<void>;
  abstract recordFailure(email: string, ip: string): Promise<void>;
  /** After a successful sign-in: that account's counters start again. */
  abstract reset(email: string, ip: string): Promise<void>;
}

/** Fixed-window request counters shared by all instances. */
export abstract class RateLimiter {
  /**
   * Counts one hit in `bucket`; true while the window holds at most `limit` hits. With `code`, throws
   * RateLimitedError (Retry-After = rest of the window) instead of answering false.
   */
  abstract hit(bucket: string, limit: number, windowSeconds: number, code?: string): Promise<boolean>;
}
