import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource, IsNull } from 'typeorm';
import { asTenantId, TenantId } from '../../../shared/domain/tenant-id';
import { TenantScoped } from '../../../shared/persistence/tenant-scoped';
import { globalQuery } from '../../../shared/persistence/tenant-sql';
import {
  ApiKeyRepository,
  ConsumeResult,
  EmailVerification,
  EmailVerificationRepository,
  RefreshTokenRepository,
  SigningKeyRepository,
  SigningKeyStatus,
  StoredApiKey,
  StoredSigningKey,
  User,
  UserRepository,
} from '../domain/auth.ports';
import { ApiKeyRow } from './api-key.orm-entity';

interface UserRecord {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  email_verified_at: Date | null;
  default_organization_id: string | null;
  created_at: Date;
}
const toUser = (r: UserRecord): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  passwordHash: r.password_hash,
  emailVerifiedAt: r.email_verified_at,
  defaultOrganizationId: r.default_organization_id,
  createdAt: r.created_at,
});

@Injectable()
export class SqlUserRepository extends UserRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async create(
    user: Omit<User, 'createdAt' | 'emailVerifiedAt' | 'defaultOrganizationId'>,
  ): Promise<boolean> {
    const rows = await globalQuery<unknown>(
      this.txHost.tx,
      `INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
      [user.id, user.email, user.name, user.passwordHash],
    );
    return rows.length > 0;
  }

  async findByEmail(email: string): Promise<User | null> {
    const rows = await globalQuery<UserRecord>(
      this.txHost.tx,
      `SELECT * FROM users WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  async findById(id: string): Promise<User | null> {
    const rows = await globalQuery<UserRecord>(this.txHost.tx, `SELECT * FROM users WHERE id = $1`, [id]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async markEmailVerified(id: string, at: Date): Promise<void> {
    await globalQuery(
      this.txHost.tx,
      `UPDATE users SET email_verified_at = $2 WHERE id = $1 AND email_verified_at IS NULL`,
      [id, at],
    );
  }

  async setCredentials(id: string, passwordHash: string, name: string): Promise<void> {
    await globalQuery(this.txHost.tx, `UPDATE users SET password_hash = $2, name = $3 WHERE id = $1`, [
      id,
      passwordHash,
      name,
    ]);
  }

  async setDefaultOrganization(id: string, organizationId: string | null): Promise<void> {
    await globalQuery(this.txHost.tx, `UPDATE users SET default_organization_id = $2 WHERE id = $1`, [
      id,
      organizationId,
    ]);
  }
}

interface EmailVerificationRecord {
  id: string;
  user_id: string;
  token_hash: Buffer;
  expires_at: Date;
  password_hash: string | null;
  name: string | null;
}

@Injectable()
export class SqlEmailVerificationRepository extends EmailVerificationRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async insert(v: EmailVerification): Promise<void> {
    await globalQuery(
      this.txHost.tx,
      `INSERT INTO email_verifications (id, user_id, token_hash, expires_at, password_hash, name)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [v.id, v.userId, v.tokenHash, v.expiresAt, v.passwordHash, v.name],
    );
  }

  async consume(tokenHash: Buffer, now: Date): Promise<EmailVerification | null> {
    // One statement: of concurrent uses exactly one sees used_at IS NULL; the others of the user are voided.
    const rows = await globalQuery<EmailVerificationRecord>(
      this.txHost.tx,
      `WITH used AS (
         UPDATE email_verifications SET used_at = $2
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
         RETURNING id, user_id, token_hash, expires_at, password_hash, name
       ), voided AS (
         UPDATE email_verifications v SET used_at = $2 FROM used
         WHERE v.user_id = used.user_id AND v.id <> used.id AND v.used_at IS NULL
       )
       SELECT * FROM used`,
      [tokenHash, now],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id,
          userId: r.user_id,
          tokenHash: r.token_hash,
          expiresAt: r.expires_at,
          passwordHash: r.password_hash,
          name: r.name,
        }
      : null;
  }
}

@Injectable()
export class SqlRefreshTokenRepository extends RefreshTokenRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async createFamily(familyId: string, userId: string): Promise<void> {
    await globalQuery(this.txHost.tx, `INSERT INTO refresh_token_families (id, user_id) VALUES ($1, $2)`, [
      familyId,
      userId,
    ]);
  }

  async insert(t: { id: string; familyId: string; tokenHash: Buffer; expiresAt: Date }): Promise<void> {
    await globalQuery(
      this.txHost.tx,
      `INSERT INTO refresh_tokens (id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`,
      [t.id, t.familyId, t.tokenHash, t.expiresAt],
    );
  }

  async consume(tokenHash: Buffer, now: Date): Promise<ConsumeResult> {
    // Row lock + `used_at IS NULL` re-checked after the lock: of concurrent callers exactly one updates.
    const rotated = await globalQuery<{ family_id: string; user_id: string }>(
      this.txHost.tx,
      `UPDATE refresh_tokens t SET used_at = $2
       FROM refresh_token_families f
       WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > $2
         AND f.id = t.family_id AND f.revoked_at IS NULL
       RETURNING t.family_id, f.user_id`,
      [tokenHash, now],
    );
    if (rotated[0]) return { outcome: 'rotated', familyId: rotated[0].family_id, userId: rotated[0].user_id };
    const known = await globalQuery<{ family_id: string; user_id: string; used_at: Date | null }>(
      this.txHost.tx,
      `SELECT t.family_id, f.user_id, t.used_at FROM refresh_tokens t
       JOIN refresh_token_families f ON f.id = t.family_id WHERE t.token_hash = $1`,
      [tokenHash],
    );
    if (known[0]?.used_at)
      return { outcome: 'reused', familyId: known[0].family_id, userId: known[0].user_id };
    return { outcome: 'invalid' };
  }

  async revokeFamily(familyId: string, reason: string): Promise<void> {
    await globalQuery(
      this.txHost.tx,
      `UPDATE refresh_token_families SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [familyId, reason],
    );
  }

  async revokeAllForUser(userId: string, reason: string): Promise<void> {
    await globalQuery(
      this.txHost.tx,
      `UPDATE refresh_token_families SET revoked_at = now(), revoked_reason = $2
       WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, reason],
    );
  }

  async familyOf(tokenHash: Buffer): Promise<{ familyId: string; userId: string } | null> {
    const rows = await globalQuery<{ family_id: string; user_id: string }>(
      this.txHost.tx,
      `SELECT t.family_id, f.user_id FROM refresh_tokens t
       JOIN refresh_token_families f ON f.id = t.family_id WHERE t.token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ? { familyId: rows[0].family_id, userId: rows[0].user_id } : null;
  }
}

interface SigningKeyRecord {
  kid: string;
  status: SigningKeyStatus;
  public_jwk: StoredSigningKey['publicJwk'];
  private_key_enc: string;
  created_at: Date;
  activated_at: Date | null;
  retired_at: Date | null;
}

@Injectable()
export class SqlSigningKeyRepository extends SigningKeyRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async list(): Promise<StoredSigningKey[]> {
    const rows = await globalQuery<SigningKeyRecord>(
      this.dataSource,
      `SELECT * FROM signing_keys ORDER BY created_at, kid`,
    );
    return rows.map((r) => ({
      kid: r.kid,
      status: r.status,
      publicJwk: r.public_jwk,
      privateKeyEnc: r.private_key_enc,
      createdAt: r.created_at,
      activatedAt: r.activated_at,
      retiredAt: r.retired_at,
    }));
  }

  /** A transaction-scoped advisory lock; `work` runs on the default connection inside it. */
  async withLock<T>(work: () => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await globalQuery(runner, `SELECT pg_advisory_lock(hashtext('tollgate:signing_keys'))`);
      return await work();
    } finally {
      await globalQuery(runner, `SELECT pg_advisory_unlock(hashtext('tollgate:signing_keys'))`).catch(
        () => undefined,
      );
      await runner.release();
    }
  }

  async insert(k: Omit<StoredSigningKey, 'createdAt'>): Promise<void> {
    await globalQuery(
      this.dataSource,
      `INSERT INTO signing_keys (kid, status, public_jwk, private_key_enc, activated_at, retired_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, coalesce($5, now()))`,
      [k.kid, k.status, JSON.stringify(k.publicJwk), k.privateKeyEnc, k.activatedAt, k.retiredAt],
    );
  }

  async setStatus(kid: string, status: SigningKeyStatus, at: Date): Promise<void> {
    await globalQuery(
      this.dataSource,
      `UPDATE signing_keys SET status = $2,
         activated_at = CASE WHEN $2 = 'active' THEN $3 ELSE activated_at END,
         retired_at = CASE WHEN $2 = 'retired' THEN $3 ELSE retired_at END
       WHERE kid = $1`,
      [kid, status, at],
    );
  }

  async remove(kids: string[]): Promise<void> {
    if (kids.length)
      await globalQuery(this.dataSource, `DELETE FROM signing_keys WHERE kid = ANY($1)`, [kids]);
  }
}

const toApiKey = (r: ApiKeyRow): StoredApiKey => ({
  id: r.id,
  tenantId: asTenantId(r.tenantId),
  name: r.name,
  prefix: r.prefix,
  secretHash: r.secretHash,
  scopes: r.scopes,
  createdBy: r.createdBy,
  expiresAt: r.expiresAt,
  lastUsedAt: r.lastUsedAt,
  revokedAt: r.revokedAt,
  createdAt: r.createdAt,
});

@Injectable()
export class TypeOrmApiKeyRepository extends ApiKeyRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  private get repo() {
    return this.txHost.tx.getRepository(ApiKeyRow);
  }
  private get rows() {
    return new TenantScoped(this.repo);
  }

  async insert(key: Omit<StoredApiKey, 'lastUsedAt' | 'revokedAt' | 'createdAt'>): Promise<void> {
    await this.rows.insert(key.tenantId, {
      ...key,
      lastUsedAt: null,
      revokedAt: null,
    } as unknown as ApiKeyRow);
  }

  async findByPrefix(prefix: string): Promise<StoredApiKey | null> {
    const row = await this.repo.findOne({ where: { prefix } });
    return row ? toApiKey(row) : null;
  }

  async list(tenantId: TenantId): Promise<StoredApiKey[]> {
    return (await this.rows.find(tenantId, {}, { order: { createdAt: 'DESC' } })).map(toApiKey);
  }

  async find(tenantId: TenantId, id: string): Promise<StoredApiKey | null> {
    const row = await this.rows.findOne(tenantId, { id });
    return row ? toApiKey(row) : null;
  }

  async revoke(tenantId: TenantId, id: string, at: Date): Promise<string | null> {
    const row = await this.rows.findOne(tenantId, { id, revokedAt: IsNull() });
    if (!row) return null;
    await this.rows.update(tenantId, { id }, { revokedAt: at });
    return row.prefix;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.repo.update({ id }, { lastUsedAt: at });
  }
}
