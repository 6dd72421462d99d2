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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TypeOrmAgentRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const tenant_scoped_1 = require("../../../shared/persistence/tenant-scoped");
const domain_error_1 = require("../../../shared/domain/domain-error");
const agent_repository_port_1 = require("../domain/agent.repository.port");
const cursor_1 = require("../domain/cursor");
const agent_orm_entity_1 = require("./agent.orm-entity");
const toDomain = (row) => ({
    ...row,
    tenantId: row.tenantId,
    status: row.status,
});
const toRow = (agent) => Object.assign(new agent_orm_entity_1.AgentOrmEntity(), agent);
function rethrowConflict(error) {
    const driver = error
        .driverError;
    if (error instanceof typeorm_2.QueryFailedError && driver?.code === '23505') {
        if (driver.constraint === 'agents_tenant_external_id_uq')
            throw new domain_error_1.ConflictError('agent_external_id_taken', 'Another agent already has this externalId');
        throw new domain_error_1.ConflictError('agent_slug_taken', 'Another agent already has this slug');
    }
    throw error;
}
let TypeOrmAgentRepository = class TypeOrmAgentRepository extends agent_repository_port_1.AgentRepository {
    agents;
    constructor(repo) {
        super();
        this.agents = new tenant_scoped_1.TenantScoped(repo);
    }
    async insert(agent) {
        const result = await this.agents.repo
            .createQueryBuilder()
            .insert()
            .values(toRow(agent))
            .orIgnore()
            .returning('id')
            .execute();
        if (result.raw.length)
            return;
        if (await this.findBySlug(agent.tenantId, agent.slug))
            throw new domain_error_1.ConflictError('agent_slug_taken', 'Another agent already has this slug');
        throw new domain_error_1.ConflictError('agent_external_id_taken', 'Another agent already has this externalId');
    }
    async save(agent) {
        const taken = await this.findBySlug(agent.tenantId, agent.slug);
        if (taken && taken.id !== agent.id)
            throw new domain_error_1.ConflictError('agent_slug_taken', 'Another agent already has this slug');
        const { id, tenantId, createdAt: _c, updatedAt: _u, ...patch } = toRow(agent);
        await this.agents
            .update(tenantId, { id }, patch)
            .catch(rethrowConflict);
    }
    async findById(tenantId, id) {
        const row = await this.agents.findOne(tenantId, { id });
        return row && toDomain(row);
    }
    async findBySlug(tenantId, slug) {
        const row = await this.agents.findOne(tenantId, { slug });
        return row && toDomain(row);
    }
    async list(tenantId, filter) {
        const q = this.agents.query(tenantId, 'a');
        if (filter.status)
            q.andWhere('a.status = :status', { status: filter.status });
        if (filter.cursor) {
            const c = (0, cursor_1.decodeCursor)(filter.cursor);
            q.andWhere('(a.created_at, a.id) < (:createdAt, :id)', { createdAt: c.createdAt, id: c.id });
        }
        const rows = await q
            .orderBy('a.created_at', 'DESC')
            .addOrderBy('a.id', 'DESC')
            .take(filter.limit + 1)
            .getMany();
        const items = rows.slice(0, filter.limit).map(toDomain);
        const last = items[items.length - 1];
        return { items, nextCursor: rows.length > filter.limit && last ? (0, cursor_1.encodeCursor)(last) : null };
    }
};
exports.TypeOrmAgentRepository = TypeOrmAgentRepository;
exports.TypeOrmAgentRepository = TypeOrmAgentRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(agent_orm_entity_1.AgentOrmEntity)),
    __metadata("design:paramtypes", [typeorm_2.Repository])
], TypeOrmAgentRepository);
//# sourceMappingURL=typeorm-agent.repository.js.map