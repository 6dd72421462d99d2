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
exports.ToolsController = exports.AgentsController = exports.agentIdParam = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../../../shared/http/auth.decorators");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const agent_repository_port_1 = require("../domain/agent.repository.port");
const tool_port_1 = require("../domain/tool.port");
const create_agent_use_case_1 = require("../application/create-agent.use-case");
const update_agent_use_case_1 = require("../application/update-agent.use-case");
const agents_dto_1 = require("./agents.dto");
const agentIdParam = (id) => {
    if (!(0, ids_1.isUuid)(id))
        throw new domain_error_1.NotFoundError('Agent', id);
    return id;
};
exports.agentIdParam = agentIdParam;
let AgentsController = class AgentsController {
    agents;
    createAgent;
    updateAgent;
    constructor(agents, createAgent, updateAgent) {
        this.agents = agents;
        this.createAgent = createAgent;
        this.updateAgent = updateAgent;
    }
    async create(tenantId, body) {
        return agents_dto_1.AgentDto.of(await this.createAgent.execute(tenantId, body));
    }
    async list(tenantId, query) {
        const page = await this.agents.list(tenantId, { ...query, limit: query.limit ?? 20 });
        return { items: page.items.map(agents_dto_1.AgentDto.of), nextCursor: page.nextCursor };
    }
    async get(tenantId, id) {
        const agent = await this.agents.findById(tenantId, (0, exports.agentIdParam)(id));
        if (!agent)
            throw new domain_error_1.NotFoundError('Agent', id);
        return agents_dto_1.AgentDto.of(agent);
    }
    async update(tenantId, id, body) {
        return agents_dto_1.AgentDto.of(await this.updateAgent.execute(tenantId, (0, exports.agentIdParam)(id), body));
    }
    async archive(tenantId, id) {
        await this.updateAgent.execute(tenantId, (0, exports.agentIdParam)(id), { status: 'archived' });
    }
};
exports.AgentsController = AgentsController;
__decorate([
    (0, common_1.Post)(),
    (0, auth_decorators_1.Scopes)('agents:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Create an agent' }),
    (0, swagger_1.ApiCreatedResponse)({ type: agents_dto_1.AgentDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, agents_dto_1.CreateAgentDto]),
    __metadata("design:returntype", Promise)
], AgentsController.prototype, "create", null);
__decorate([
    (0, common_1.Get)(),
    (0, auth_decorators_1.Scopes)('agents:read'),
    (0, swagger_1.ApiOperation)({ summary: 'List agents, newest first' }),
    (0, swagger_1.ApiOkResponse)({ type: agents_dto_1.AgentPageDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, agents_dto_1.ListAgentsQuery]),
    __metadata("design:returntype", Promise)
], AgentsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, auth_decorators_1.Scopes)('agents:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Get an agent' }),
    (0, swagger_1.ApiOkResponse)({ type: agents_dto_1.AgentDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], AgentsController.prototype, "get", null);
__decorate([
    (0, common_1.Patch)(':id'),
    (0, auth_decorators_1.Scopes)('agents:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Change an agent (settings, tools, status)' }),
    (0, swagger_1.ApiOkResponse)({ type: agents_dto_1.AgentDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, agents_dto_1.UpdateAgentDto]),
    __metadata("design:returntype", Promise)
], AgentsController.prototype, "update", null);
__decorate([
    (0, common_1.Delete)(':id'),
    (0, common_1.HttpCode)(204),
    (0, auth_decorators_1.Scopes)('agents:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Archive an agent (kept for history and billing; chat answers 409)' }),
    (0, swagger_1.ApiNoContentResponse)({ description: 'Archived' }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], AgentsController.prototype, "archive", null);
exports.AgentsController = AgentsController = __decorate([
    (0, swagger_1.ApiTags)('agents'),
    (0, common_1.Controller)('api/v1/agents'),
    __metadata("design:paramtypes", [agent_repository_port_1.AgentRepository,
        create_agent_use_case_1.CreateAgent,
        update_agent_use_case_1.UpdateAgent])
], AgentsController);
let ToolsController = class ToolsController {
    tools;
    constructor(tools) {
        this.tools = tools;
    }
    list() {
        return { items: this.tools.list().map((t) => ({ ...t.spec, available: t.available() })) };
    }
};
exports.ToolsController = ToolsController;
__decorate([
    (0, common_1.Get)(),
    (0, auth_decorators_1.Scopes)('agents:read'),
    (0, swagger_1.ApiOperation)({ summary: 'List the tools agents may enable' }),
    (0, swagger_1.ApiOkResponse)({ type: agents_dto_1.ToolListDto }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", agents_dto_1.ToolListDto)
], ToolsController.prototype, "list", null);
exports.ToolsController = ToolsController = __decorate([
    (0, swagger_1.ApiTags)('agents'),
    (0, common_1.Controller)('api/v1/tools'),
    __metadata("design:paramtypes", [tool_port_1.ToolRegistry])
], ToolsController);
//# sourceMappingURL=agents.controller.js.map