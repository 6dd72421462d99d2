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
exports.UpdatePlan = exports.CreatePlan = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const metering_1 = require("../domain/metering");
const plan_definition_1 = require("../domain/plan-definition");
const plan_repository_port_1 = require("../domain/plan.repository.port");
async function checkMetrics(metrics, tenantId, def) {
    const codes = [
        ...new Set(def.charges.flatMap((c) => (c.kind === 'usage' && c.metricCode ? [c.metricCode] : []))),
    ];
    if (!codes.length)
        return;
    const found = new Set((await metrics.findByCodes(tenantId, codes)).map((m) => m.code));
    const missing = codes.filter((c) => !found.has(c));
    if (missing.length)
        throw new domain_error_1.InvalidError('unknown_metric', `Unknown metric(s): ${missing.join(', ')}`, missing.map((m) => ({ field: 'charges.metricCode', message: `no metric with code ${m}` })));
}
let CreatePlan = class CreatePlan {
    plans;
    metrics;
    clock;
    constructor(plans, metrics, clock) {
        this.plans = plans;
        this.metrics = metrics;
        this.clock = clock;
    }
    async execute(tenantId, input) {
        const def = (0, plan_definition_1.buildPlanDefinition)(input);
        await checkMetrics(this.metrics, tenantId, def);
        const now = this.clock.now();
        const plan = {
            id: (0, ids_1.newId)(),
            tenantId,
            code: input.code,
            name: def.name,
            currentVersion: 1,
            createdAt: now,
        };
        const version = {
            ...def,
            id: (0, ids_1.newId)(),
            tenantId,
            planId: plan.id,
            version: 1,
            createdAt: now,
        };
        if (!(await this.plans.insertPlan(plan, version)))
            throw new domain_error_1.ConflictError('plan_code_taken', `A plan with code ${input.code} exists`);
        return { ...plan, version };
    }
};
exports.CreatePlan = CreatePlan;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Promise)
], CreatePlan.prototype, "execute", null);
exports.CreatePlan = CreatePlan = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [plan_repository_port_1.PlanRepository,
        metering_1.MetricRepository,
        clock_port_1.Clock])
], CreatePlan);
let UpdatePlan = class UpdatePlan {
    plans;
    metrics;
    clock;
    constructor(plans, metrics, clock) {
        this.plans = plans;
        this.metrics = metrics;
        this.clock = clock;
    }
    async execute(tenantId, planId, input) {
        const plan = await this.plans.find(tenantId, planId);
        const current = plan && (await this.plans.currentVersion(tenantId, planId));
        if (!plan || !current)
            throw new domain_error_1.NotFoundError('Plan', planId);
        const def = (0, plan_definition_1.buildPlanDefinition)(input);
        await checkMetrics(this.metrics, tenantId, def);
        if (!(await this.plans.hasSubscribers(tenantId, current.id))) {
            const version = { ...current, ...def };
            await this.plans.replaceVersion(version);
            return { ...plan, name: def.name, version, newVersion: false };
        }
        const version = {
            ...def,
            id: (0, ids_1.newId)(),
            tenantId,
            planId,
            version: current.version + 1,
            createdAt: this.clock.now(),
        };
        await this.plans.addVersion(version);
        return { ...plan, name: def.name, currentVersion: version.version, version, newVersion: true };
    }
};
exports.UpdatePlan = UpdatePlan;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object]),
    __metadata("design:returntype", Promise)
], UpdatePlan.prototype, "execute", null);
exports.UpdatePlan = UpdatePlan = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [plan_repository_port_1.PlanRepository,
        metering_1.MetricRepository,
        clock_port_1.Clock])
], UpdatePlan);
//# sourceMappingURL=manage-plans.use-case.js.map