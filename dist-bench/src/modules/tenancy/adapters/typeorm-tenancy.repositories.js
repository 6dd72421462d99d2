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
exports.TypeOrmAuditLogRepository = exports.TypeOrmMembershipRepository = exports.TypeOrmOrganizationRepository = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const typeorm_1 = require("typeorm");
const ids_1 = require("../../../shared/domain/ids");
const tenant_id_1 = require("../../../shared/domain/tenant-id");
const tenant_scoped_1 = require("../../../shared/persistence/tenant-scoped");
const organization_repository_port_1 = require("../domain/organization.repository.port");
const membership_repository_port_1 = require("../domain/membership.repository.port");
const audit_log_repository_port_1 = require("../domain/audit-log.repository.port");
const tenancy_orm_entities_1 = require("./tenancy.orm-entities");
let TypeOrmOrganizationRepository = class TypeOrmOrganizationRepository extends organization_repository_port_1.OrganizationRepository {
    txHost;
    constructor(txHost) {
        super();
        this.txHost = txHost;
    }
    async create(org) {
        await this.txHost.tx.getRepository(tenancy_orm_entities_1.OrganizationRow).insert({ id: org.id, name: org.name });
    }
    async findById(id) {
        const row = await this.txHost.tx.getRepository(tenancy_orm_entities_1.OrganizationRow).findOne({ where: { id } });
        return row ? { id: (0, tenant_id_1.asTenantId)(row.id), name: row.name, createdAt: row.createdAt } : null;
    }
    async findForUser(userId) {
        const rows = await this.txHost.tx.query(`SELECT o.id, o.name, o.created_at, m.role FROM memberships m JOIN organizations o ON o.id = m.tenant_id
       WHERE m.user_id = $1 ORDER BY o.created_at, o.id`, [userId]);
        return rows.map((r) => ({ id: (0, tenant_id_1.asTenantId)(r.id), name: r.name, createdAt: r.created_at, role: r.role }));
    }
    async rename(id, name) {
        await this.txHost.tx.getRepository(tenancy_orm_entities_1.OrganizationRow).update({ id }, { name });
    }
    async lock(id) {
        await this.txHost.tx.query(`SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE`, [id]);
    }
};
exports.TypeOrmOrganizationRepository = TypeOrmOrganizationRepository;
exports.TypeOrmOrganizationRepository = TypeOrmOrganizationRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transactional_1.TransactionHost])
], TypeOrmOrganizationRepository);
let TypeOrmMembershipRepository = class TypeOrmMembershipRepository extends membership_repository_port_1.MembershipRepository {
    txHost;
    constructor(txHost) {
        super();
        this.txHost = txHost;
    }
    get rows() {
        return new tenant_scoped_1.TenantScoped(this.txHost.tx.getRepository(tenancy_orm_entities_1.MembershipRow));
    }
    get invitations() {
        return new tenant_scoped_1.TenantScoped(this.txHost.tx.getRepository(tenancy_orm_entities_1.InvitationRow));
    }
    async add(tenantId, userId, role) {
        const rows = await this.txHost.tx.query(`INSERT INTO memberships (id, tenant_id, user_id, role) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, user_id) DO NOTHING RETURNING id`, [(0, ids_1.newId)(), tenantId, userId, role]);
        return rows.length > 0;
    }
    members(tenantId) {
        return this.rows
            .query(tenantId, 'm')
            .innerJoin('users', 'u', 'u.id = m.user_id')
            .select([
            'm.user_id AS user_id',
            'u.email AS email',
            'u.name AS name',
            'm.role AS role',
            'm.created_at AS joined_at',
        ])
            .orderBy('m.created_at')
            .addOrderBy('m.user_id');
    }
    async find(tenantId, userId) {
        const row = await this.members(tenantId).andWhere('m.user_id = :userId', { userId }).getRawOne();
        return row ? toMember(row) : null;
    }
    async list(tenantId) {
        return (await this.members(tenantId).getRawMany()).map(toMember);
    }
    async listForUser(userId) {
        const rows = await this.txHost.tx.query(`SELECT tenant_id, role FROM memberships WHERE user_id = $1 ORDER BY created_at, tenant_id`, [userId]);
        return rows.map((r) => ({ tenantId: (0, tenant_id_1.asTenantId)(r.tenant_id), role: r.role }));
    }
    countOwners(tenantId) {
        return this.rows.count(tenantId, { role: 'owner' });
    }
    async changeRole(tenantId, userId, role) {
        await this.rows.update(tenantId, { userId }, { role });
    }
    async remove(tenantId, userId) {
        await this.rows.delete(tenantId, { userId });
    }
    async findUserIdByEmail(email) {
        const rows = await this.txHost.tx.query(`SELECT id FROM users WHERE lower(email) = lower($1)`, [email]);
        return rows[0]?.id ?? null;
    }
    async invite(tenantId, email, role, invitedBy) {
        const rows = await this.txHost.tx.query(`INSERT INTO invitations (id, tenant_id, email, role, invited_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, lower(email)) WHERE accepted_at IS NULL DO NOTHING RETURNING id`, [(0, ids_1.newId)(), tenantId, email, role, invitedBy]);
        return rows.length > 0;
    }
    async listInvitations(tenantId) {
        const rows = await this.invitations.find(tenantId, { acceptedAt: (0, typeorm_1.IsNull)() }, { order: { createdAt: 'ASC' } });
        return rows.map((r) => ({ id: r.id, email: r.email, role: r.role, createdAt: r.createdAt }));
    }
    async acceptInvitations(userId, email) {
        const rows = await this.txHost.tx.query(`WITH accepted AS (
         UPDATE invitations SET accepted_at = now()
         WHERE lower(email) = lower($2) AND accepted_at IS NULL
         RETURNING tenant_id, role
       )
       INSERT INTO memberships (id, tenant_id, user_id, role)
       SELECT gen_random_uuid(), tenant_id, $1, role FROM accepted
       ON CONFLICT (tenant_id, user_id) DO NOTHING
       RETURNING tenant_id`, [userId, email]);
        return rows.map((r) => (0, tenant_id_1.asTenantId)(r.tenant_id));
    }
};
exports.TypeOrmMembershipRepository = TypeOrmMembershipRepository;
exports.TypeOrmMembershipRepository = TypeOrmMembershipRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transactional_1.TransactionHost])
], TypeOrmMembershipRepository);
const toMember = (r) => ({
    userId: r.user_id,
    email: r.email,
    name: r.name,
    role: r.role,
    joinedAt: r.joined_at,
});
let TypeOrmAuditLogRepository = class TypeOrmAuditLogRepository extends audit_log_repository_port_1.AuditLogRepository {
    txHost;
    constructor(txHost) {
        super();
        this.txHost = txHost;
    }
    get rows() {
        return new tenant_scoped_1.TenantScoped(this.txHost.tx.getRepository(tenancy_orm_entities_1.AuditLogRow));
    }
    async insert(entries) {
        await this.txHost.tx.getRepository(tenancy_orm_entities_1.AuditLogRow).insert(entries);
    }
    async list(tenantId, q) {
        const qb = this.rows.query(tenantId, 'a');
        if (q.action)
            qb.andWhere('a.action = :action', { action: q.action });
        if (q.from)
            qb.andWhere('a.created_at >= :from', { from: q.from });
        if (q.to)
            qb.andWhere('a.created_at < :to', { to: q.to });
        if (q.before) {
            qb.andWhere('(a.created_at, a.id) < (:bAt, :bId)', { bAt: q.before.createdAt, bId: q.before.id });
        }
        const rows = await qb.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').limit(q.limit).getMany();
        return rows.map((r) => ({
            id: r.id,
            tenantId: (0, tenant_id_1.asTenantId)(r.tenantId),
            action: r.action,
            actorKind: r.actorKind,
            actorId: r.actorId,
            target: r.target,
            ip: r.ip,
            requestId: r.requestId,
            details: r.details,
            createdAt: r.createdAt,
        }));
    }
};
exports.TypeOrmAuditLogRepository = TypeOrmAuditLogRepository;
exports.TypeOrmAuditLogRepository = TypeOrmAuditLogRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transactional_1.TransactionHost])
], TypeOrmAuditLogRepository);
//# sourceMappingURL=typeorm-tenancy.repositories.js.map