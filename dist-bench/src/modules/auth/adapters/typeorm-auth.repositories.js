"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TypeOrmApiKeyRepository = exports.SqlSigningKeyRepository = exports.SqlRefreshTokenRepository = exports.SqlUserRepository = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const typeorm_1 = require("typeorm");
const tenant_id_1 = require("../../../shared/domain/tenant-id");
const tenant_scoped_1 = require("../../../shared/persistence/tenant-scoped");
const auth_ports_1 = require("../domain/auth.ports");
const api_key_orm_entity_1 = require("./api-key.orm-entity");
const toUser = (r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    passwordHash: r.password_hash,
    createdAt: r.created_at,
});
let SqlUserRepository = class SqlUserRepository extends auth_ports_1.UserRepository {
    txHost;
    constructor(txHost) {
        super();
        this.txHost = txHost;
    }
    async create(user) {
        const rows = await this.txHost.tx.query(`INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`, [user.id, user.email, user.name, user.passwordHash]);
        return rows.length > 0;
    }
    async findByEmail(email) {
        const rows = await this.txHost.tx.query(`SELECT * FROM users WHERE lower(email) = lower($1)`, [email]);
        return rows[0] ? toUser(rows[0]) : null;
    }
    async findById(id) {
        const rows = await this.txHost.tx.query(`SELECT * FROM users WHERE id = $1`, [id]);
        return rows[0] ? toUser(rows[0]) : null;
    }
};
exports.SqlUserRepository = SqlUserRepository;
exports.SqlUserRepository = SqlUserRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transactional_1.TransactionHost])
], SqlUserRepository);
let SqlRefreshTokenRepository = class SqlRefreshTokenRepository extends auth_ports_1.RefreshTokenRepository {
    txHost;
    constructor(txHost) {
        super();
        this.txHost = txHost;
    }
    async createFamily(familyId, userId) {
        await this.txHost.tx.query(`INSERT INTO refresh_token_families (id, user_id) VALUES ($1, $2)`, [
            familyId,
            userId,
        ]);
    }
    async insert(t) {
        await this.txHost.tx.query(`INSERT INTO refresh_tokens (id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [t.id, t.familyId, t.tokenHash, t.expiresAt]);
    }
    async consume(tokenHash, now) {
        const [rotated] = await this.txHost.tx.query(`UPDATE refresh_tokens t SET used_at = $2
       FROM refresh_token_families f
       WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > $2
         AND f.id = t.family_id AND f.revoked_at IS NULL
       RETURNING t.family_id, f.user_id`, [tokenHash, now]);
        if (rotated[0])
            return { outcome: 'rotated', familyId: rotated[0].family_id, userId: rotated[0].user_id };
        const known = await this.txHost.tx.query(`SELECT t.family_id, f.user_id, t.used_at FROM refresh_tokens t
       JOIN refresh_token_families f ON f.id = t.family_id WHERE t.token_hash = $1`, [tokenHash]);
        if (known[0]?.used_at)
            return { outcome: 'reused', familyId: known[0].family_id, userId: known[0].user_id };
        return { outcome: 'invalid' };
    }
    async revokeFamily(familyId, reason) {
        await this.txHost.tx.query(`UPDATE refresh_token_families SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`, [familyId, reason]);
    }
    async familyOf(tokenHash) {
        const rows = await this.txHost.tx.query(`SELECT t.family_id, f.user_id FROM refresh_tokens t
       JOIN refresh_token_families f ON f.id = t.family_id WHERE t.token_hash = $1`, [tokenHash]);
        return rows[0] ? { familyId: rows[0].family_id, userId: rows[0].user_id } : null;
    }
};
exports.SqlRefreshTokenRepository = SqlRefreshTokenRepository;
exports.SqlRefreshTokenRepository = SqlRefreshTokenRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transactional_1.TransactionHost])
], SqlRefreshTokenRepository);
let SqlSigningKeyRepository = class SqlSigningKeyRepository extends auth_ports_1.SigningKeyRepository {
    dataSource;
    constructor(dataSource) {
        super();
        this.dataSource = dataSource;
    }
    async list() {
        const rows = await this.dataSource.query(`SELECT * FROM signing_keys ORDER BY created_at, kid`);
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
    async withLock(work) {
        const runner = this.dataSource.createQueryRunner();
        await runner.connect();
        try {
            await runner.query(`SELECT pg_advisory_lock(hashtext('tollgate:signing_keys'))`);
            return await work();
        }
        finally {
            await runner
                .query(`SELECT pg_advisory_unlock(hashtext('tollgate:signing_keys'))`)
                .catch(() => undefined);
            await runner.release();
        }
    }
    async insert(k) {
        await this.dataSource.query(`INSERT INTO signing_keys (kid, status, public_jwk, private_key_enc, activated_at, retired_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, coalesce($5, now()))`, [k.kid, k.status, JSON.stringify(k.publicJwk), k.privateKeyEnc, k.activatedAt, k.retiredAt]);
    }
    async setStatus(kid, status, at) {
        await this.dataSource.query(`UPDATE signing_keys SET status = $2,
         activated_at = CASE WHEN $2 = 'active' THEN $3 ELSE activated_at END,
         retired_at = CASE WHEN $2 = 'retired' THEN $3 ELSE retired_at END
       WHERE kid = $1`, [kid, status, at]);
    }
    async remove(kids) {
        if (kids.length)
            await this.dataSource.query(`DELETE FROM signing_keys WHERE kid = ANY($1)`, [kids]);
    }
};
exports.SqlSigningKeyRepository = SqlSigningKeyRepository;
exports.SqlSigningKeyRepository = SqlSigningKeyRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource])
], SqlSigningKeyRepository);
const toApiKey = (r) => ({
    id: r.id,
    tenantId: (0, tenant_id_1.asTenantId)(r.tenantId),
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
let TypeOrmApiKeyRepository = class TypeOrmApiKeyRepository extends auth_ports_1.ApiKeyRepository {
    txHost;
    constructor(txHost) {
        super();
        this.txHost = txHost;
    }
    get repo() {
        return this.txHost.tx.getRepository(api_key_orm_entity_1.ApiKeyRow);
    }
    get rows() {
        return new tenant_scoped_1.TenantScoped(this.repo);
    }
    async insert(key) {
        await this.rows.insert(key.tenantId, {
            ...key,
            lastUsedAt: null,
            revokedAt: null,
        });
    }
    async findByPrefix(prefix) {
        const row = await this.repo.findOne({ where: { prefix } });
        return row ? toApiKey(row) : null;
    }
    async list(tenantId) {
        return (await this.rows.find(tenantId, {}, { order: { createdAt: 'DESC' } })).map(toApiKey);
    }
    async revoke(tenantId, id, at) {
        const row = await this.rows.findOne(tenantId, { id, revokedAt: (0, typeorm_1.IsNull)() });
        if (!row)
            return null;
        await this.rows.update(tenantId, { id }, { revokedAt: at });
        return row.prefix;
    }
    async touch(id, at) {
        await this.repo.update({ id }, { lastUsedAt: at });
    }
};
exports.TypeOrmApiKeyRepository = TypeOrmApiKeyRepository;
exports.TypeOrmApiKeyRepository = TypeOrmApiKeyRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transactional_1.TransactionHost])
], TypeOrmApiKeyRepository);
//# sourceMappingURL=typeorm-auth.repositories.js.map