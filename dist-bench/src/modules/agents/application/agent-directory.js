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
exports.RepositoryAgentDirectory = void 0;
const common_1 = require("@nestjs/common");
const agents_1 = require("../../../shared/contracts/agents");
const ids_1 = require("../../../shared/domain/ids");
const agent_repository_port_1 = require("../domain/agent.repository.port");
let RepositoryAgentDirectory = class RepositoryAgentDirectory extends agents_1.AgentDirectory {
    agents;
    constructor(agents) {
        super();
        this.agents = agents;
    }
    async find(tenantId, agentId) {
        if (!(0, ids_1.isUuid)(agentId))
            return null;
        const agent = await this.agents.findById(tenantId, agentId);
        if (!agent)
            return null;
        const { id, slug, name, status, billingPlanId } = agent;
        return { id, slug, name, status, billingPlanId };
    }
};
exports.RepositoryAgentDirectory = RepositoryAgentDirectory;
exports.RepositoryAgentDirectory = RepositoryAgentDirectory = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [agent_repository_port_1.AgentRepository])
], RepositoryAgentDirectory);
//# sourceMappingURL=agent-directory.js.map