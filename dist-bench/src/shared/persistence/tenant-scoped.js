"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TenantScoped = void 0;
class TenantScoped {
    repo;
    constructor(repo) {
        this.repo = repo;
    }
    scoped(tenantId, where = {}) {
        return { ...where, tenantId };
    }
    findOne(tenantId, where) {
        return this.repo.findOne({ where: this.scoped(tenantId, where) });
    }
    find(tenantId, where = {}, opts = {}) {
        return this.repo.find({ where: this.scoped(tenantId, where), ...opts });
    }
    count(tenantId, where = {}) {
        return this.repo.count({ where: this.scoped(tenantId, where) });
    }
    query(tenantId, alias) {
        return this.repo
            .createQueryBuilder(alias)
            .where(`${alias}.tenant_id = :__tenantId`, { __tenantId: tenantId });
    }
    async insert(tenantId, row) {
        await this.repo.insert({ ...row, tenantId });
    }
    async update(tenantId, where, patch) {
        const { tenantId: _ignored, ...safePatch } = patch;
        const result = await this.repo.update(this.scoped(tenantId, where), safePatch);
        return result.affected ?? 0;
    }
    async delete(tenantId, where) {
        const result = await this.repo.delete(this.scoped(tenantId, where));
        return result.affected ?? 0;
    }
}
exports.TenantScoped = TenantScoped;
//# sourceMappingURL=tenant-scoped.js.map