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
exports.PlansController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../../../shared/http/auth.decorators");
const domain_error_1 = require("../../../shared/domain/domain-error");
const manage_plans_use_case_1 = require("../application/manage-plans.use-case");
const plan_repository_port_1 = require("../domain/plan.repository.port");
const billing_dto_1 = require("./billing.dto");
const uuid_or_404_pipe_1 = require("./uuid-or-404.pipe");
const versionView = (v) => ({
    id: v.id,
    version: v.version,
    name: v.name,
    currency: v.currency,
    interval: v.interval,
    trialDays: v.trialDays,
    minimumCommitment: v.minimumCommitment,
    charges: v.charges,
});
const planView = (p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    currentVersion: p.currentVersion,
    version: versionView(p.version),
    ...(p.newVersion !== undefined ? { newVersion: p.newVersion } : {}),
});
const PlanId = new uuid_or_404_pipe_1.UuidOr404Pipe('Plan');
let PlansController = class PlansController {
    plans;
    createPlan;
    updatePlan;
    constructor(plans, createPlan, updatePlan) {
        this.plans = plans;
        this.createPlan = createPlan;
        this.updatePlan = updatePlan;
    }
    async create(tenantId, body) {
        return planView(await this.createPlan.execute(tenantId, body));
    }
    async list(tenantId) {
        const plans = await this.plans.list(tenantId);
        const data = [];
        for (const p of plans) {
            const version = await this.plans.currentVersion(tenantId, p.id);
            if (version)
                data.push(planView({ ...p, version }));
        }
        return { data };
    }
    async get(tenantId, id) {
        const plan = await this.plans.find(tenantId, id);
        const version = plan && (await this.plans.currentVersion(tenantId, id));
        if (!plan || !version)
            throw new domain_error_1.NotFoundError('Plan', id);
        return planView({ ...plan, version });
    }
    async update(tenantId, id, body) {
        return planView(await this.updatePlan.execute(tenantId, id, body));
    }
};
exports.PlansController = PlansController;
__decorate([
    (0, common_1.Post)(),
    (0, auth_decorators_1.Scopes)('plans:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Create a plan: base, seat, usage and outcome charges (hybrid plans mix them)' }),
    (0, swagger_1.ApiCreatedResponse)({ type: billing_dto_1.PlanDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, billing_dto_1.CreatePlanDto]),
    __metadata("design:returntype", Promise)
], PlansController.prototype, "create", null);
__decorate([
    (0, common_1.Get)(),
    (0, auth_decorators_1.Scopes)('plans:read'),
    (0, swagger_1.ApiOperation)({ summary: 'List plans with their current version' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.PlanListDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], PlansController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, auth_decorators_1.Scopes)('plans:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Get a plan with its current version' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.PlanDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', PlanId)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], PlansController.prototype, "get", null);
__decorate([
    (0, common_1.Put)(':id'),
    (0, auth_decorators_1.Scopes)('plans:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Edit a plan: a new version when it has subscribers (they stay on theirs)' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.PlanDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', PlanId)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, billing_dto_1.UpdatePlanDto]),
    __metadata("design:returntype", Promise)
], PlansController.prototype, "update", null);
exports.PlansController = PlansController = __decorate([
    (0, swagger_1.ApiTags)('plans'),
    (0, common_1.Controller)('api/v1/plans'),
    __metadata("design:paramtypes", [plan_repository_port_1.PlanRepository,
        manage_plans_use_case_1.CreatePlan,
        manage_plans_use_case_1.UpdatePlan])
], PlansController);
//# sourceMappingURL=plans.controller.js.map