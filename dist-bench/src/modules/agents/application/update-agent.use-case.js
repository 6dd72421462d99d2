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
exports.UpdateAgent = void 0;
const common_1 = require("@nestjs/common");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const agent_repository_port_1 = require("../domain/agent.repository.port");
const agent_settings_1 = require("./agent-settings");
const agent_cache_1 = require("./agent-cache");
let UpdateAgent = class UpdateAgent {
    agents;
    policy;
    cache;
    clock;
    constructor(agents, policy, cache, clock) {
        this.agents = agents;
        this.policy = policy;
        this.cache = cache;
        this.clock = clock;
    }
    async execute(tenantId, id, patch) {
        const current = await this.agents.findById(tenantId, id);
        if (!current)
            throw new domain_error_1.NotFoundError('Agent', id);
        const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
        const agent = { ...current, ...defined, updatedAt: this.clock.now() };
        agent.tools = [...new Set(agent.tools)];
        this.policy.check(agent);
        await this.agents.save(agent);
        this.cache.forget(agent);
        return agent;
    }
};
exports.UpdateAgent = UpdateAgent;
exports.UpdateAgent = UpdateAgent = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [agent_repository_port_1.AgentRepository,
        agent_settings_1.AgentSettingsPolicy,
        agent_cache_1.AgentCache,
        clock_port_1.Clock])
], UpdateAgent);
//# sourceMappingURL=update-agent.use-case.js.map