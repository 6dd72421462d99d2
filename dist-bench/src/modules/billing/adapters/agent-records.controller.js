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
exports.AgentRecordsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../../../shared/http/auth.decorators");
const agent_records_use_case_1 = require("../application/agent-records.use-case");
const billing_dto_1 = require("./billing.dto");
const uuid_or_404_pipe_1 = require("./uuid-or-404.pipe");
const AgentId = new uuid_or_404_pipe_1.UuidOr404Pipe('Agent');
const toDate = (v) => (v ? new Date(v) : undefined);
let AgentRecordsController = class AgentRecordsController {
    recordActivity;
    recordCost;
    recordOutcome;
    getStats;
    constructor(recordActivity, recordCost, recordOutcome, getStats) {
        this.recordActivity = recordActivity;
        this.recordCost = recordCost;
        this.recordOutcome = recordOutcome;
        this.getStats = getStats;
    }
    activities(tenantId, agentId, body) {
        return this.recordActivity.execute(tenantId, agentId, { ...body, timestamp: toDate(body.timestamp) });
    }
    async costs(tenantId, agentId, body) {
        const c = await this.recordCost.execute(tenantId, agentId, {
            ...body,
            occurredAt: toDate(body.occurredAt),
        });
        return {
            id: c.id,
            agentId: c.agentId,
            customerId: c.customerId,
            costType: c.costType,
            amount: c.amount,
            currency: c.currency,
            occurredAt: c.occurredAt,
        };
    }
    async outcomes(tenantId, agentId, body, reply) {
        const { outcome: o, created } = await this.recordOutcome.execute(tenantId, agentId, {
            ...body,
            occurredAt: toDate(body.occurredAt),
        });
        if (!created)
            reply.status(200);
        return {
            id: o.id,
            agentId: o.agentId,
            customerId: o.customerId,
            type: o.type,
            value: o.value,
            currency: o.currency,
            evidence: o.evidence,
            status: o.status,
            occurredAt: o.occurredAt,
        };
    }
    stats(tenantId, agentId) {
        return this.getStats.execute(tenantId, agentId);
    }
};
exports.AgentRecordsController = AgentRecordsController;
__decorate([
    (0, common_1.Post)(':id/activities'),
    (0, auth_decorators_1.Scopes)('usage:write'),
    (0, swagger_1.ApiOperation)({
        summary: 'Record a typed activity with a quantity (a usage event on the metric named by the type)',
    }),
    (0, swagger_1.ApiCreatedResponse)({ type: billing_dto_1.ActivityResultDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', AgentId)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, billing_dto_1.RecordActivityDto]),
    __metadata("design:returntype", Promise)
], AgentRecordsController.prototype, "activities", null);
__decorate([
    (0, common_1.Post)(':id/costs'),
    (0, auth_decorators_1.Scopes)('usage:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Record a cost the tenant paid for the agent (for margin and cost-plus pricing)' }),
    (0, swagger_1.ApiCreatedResponse)({ type: billing_dto_1.CostDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', AgentId)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, billing_dto_1.RecordCostDto]),
    __metadata("design:returntype", Promise)
], AgentRecordsController.prototype, "costs", null);
__decorate([
    (0, common_1.Post)(':id/outcomes'),
    (0, auth_decorators_1.Scopes)('usage:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Record an outcome (pending until verified; only verified outcomes are billed)' }),
    (0, swagger_1.ApiCreatedResponse)({ type: billing_dto_1.OutcomeDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', AgentId)),
    __param(2, (0, common_1.Body)()),
    __param(3, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, billing_dto_1.RecordOutcomeDto, Object]),
    __metadata("design:returntype", Promise)
], AgentRecordsController.prototype, "outcomes", null);
__decorate([
    (0, common_1.Get)(':id/stats'),
    (0, auth_decorators_1.Scopes)('usage:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Agent activities, costs, outcome value, revenue billed and margin' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.AgentStatsDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', AgentId)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], AgentRecordsController.prototype, "stats", null);
exports.AgentRecordsController = AgentRecordsController = __decorate([
    (0, swagger_1.ApiTags)('usage'),
    (0, common_1.Controller)('api/v1/agents'),
    __metadata("design:paramtypes", [agent_records_use_case_1.RecordAgentActivity,
        agent_records_use_case_1.RecordAgentCost,
        agent_records_use_case_1.RecordOutcome,
        agent_records_use_case_1.GetAgentStats])
], AgentRecordsController);
//# sourceMappingURL=agent-records.controller.js.map