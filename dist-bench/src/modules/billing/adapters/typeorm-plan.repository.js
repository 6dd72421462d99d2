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
exports.TypeOrmPlanRepository = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const plan_repository_port_1 = require("../domain/plan.repository.port");
const sql_1 = require("./sql");
const planToDomain = (r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    code: r.code,
    name: r.name,
    currentVersion: r.current_version,
    createdAt: r.created_at,
});
const versionToDomain = (r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    planId: r.plan_id,
    version: r.version,
    name: r.name,
    currency: r.currency,
    interval: r.interval,
    trialDays: r.trial_days,
    minimumCommitment: (0, sql_1.num)(r.minimum_commitment),
    charges: r.charges,
    createdAt: r.created_at,
});
const VERSION_COLS = 'id, tenant_id, plan_id, version, name, currency, interval, trial_days, minimum_commitment, charges, created_at';
let TypeOrmPlanRepository = class TypeOrmPlanRepository extends plan_repository_port_1.PlanRepository {
    t;
    constructor(t) {
        super();
        this.t = t;
    }
    async insertPlan(plan, version) {
        const rows = await (0, sql_1.sql)(this.t, `INSERT INTO plans (id, tenant_id, code, name, current_version) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (tenant_id, code) DO NOTHING RETURNING id`, [plan.id, plan.tenantId, plan.code, plan.name, plan.currentVersion]);
        if (!rows.length)
            return false;
        await this.addVersion(version);
        return true;
    }
    async find(tenantId, id) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT * FROM plans WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
        return rows[0] ? planToDomain(rows[0]) : null;
    }
    async list(tenantId) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT * FROM plans WHERE tenant_id = $1 ORDER BY code`, [tenantId]);
        return rows.map(planToDomain);
    }
    async findVersion(tenantId, versionId) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT ${VERSION_COLS} FROM plan_versions WHERE tenant_id = $1 AND id = $2`, [tenantId, versionId]);
        return rows[0] ? versionToDomain(rows[0]) : null;
    }
    async currentVersion(tenantId, planId) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT ${VERSION_COLS.split(', ')
            .map((c) => `v.${c}`)
            .join(', ')}
         FROM plan_versions v JOIN plans p ON p.id = v.plan_id AND p.current_version = v.version
        WHERE v.tenant_id = $1 AND v.plan_id = $2`, [tenantId, planId]);
        return rows[0] ? versionToDomain(rows[0]) : null;
    }
    async versions(tenantId, planId) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT ${VERSION_COLS} FROM plan_versions WHERE tenant_id = $1 AND plan_id = $2 ORDER BY version`, [tenantId, planId]);
        return rows.map(versionToDomain);
    }
    async hasSubscribers(tenantId, versionId) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT 1 FROM subscriptions WHERE tenant_id = $1 AND plan_version_id = $2 LIMIT 1`, [tenantId, versionId]);
        return rows.length > 0;
    }
    async replaceVersion(v) {
        await (0, sql_1.sql)(this.t, `UPDATE plan_versions SET name = $3, currency = $4, interval = $5, trial_days = $6, minimum_commitment = $7, charges = $8
        WHERE tenant_id = $1 AND id = $2`, [
            v.tenantId,
            v.id,
            v.name,
            v.currency,
            v.interval,
            v.trialDays,
            v.minimumCommitment,
            JSON.stringify(v.charges),
        ]);
        await (0, sql_1.sql)(this.t, `UPDATE plans SET name = $3 WHERE tenant_id = $1 AND id = $2`, [
            v.tenantId,
            v.planId,
            v.name,
        ]);
    }
    async addVersion(v) {
        await (0, sql_1.sql)(this.t, `INSERT INTO plan_versions (id, tenant_id, plan_id, version, name, currency, interval, trial_days, minimum_commitment, charges)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`, [
            v.id,
            v.tenantId,
            v.planId,
            v.version,
            v.name,
            v.currency,
            v.interval,
            v.trialDays,
            v.minimumCommitment,
            JSON.stringify(v.charges),
        ]);
        await (0, sql_1.sql)(this.t, `UPDATE plans SET current_version = $3, name = $4 WHERE tenant_id = $1 AND id = $2`, [
            v.tenantId,
            v.planId,
            v.version,
            v.name,
        ]);
    }
};
exports.TypeOrmPlanRepository = TypeOrmPlanRepository;
exports.TypeOrmPlanRepository = TypeOrmPlanRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transactional_1.TransactionHost])
], TypeOrmPlanRepository);
//# sourceMappingURL=typeorm-plan.repository.js.map