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
exports.CreateAgent = void 0;
const common_1 = require("@nestjs/common");
const clock_port_1 = require("../../../shared/domain/clock.port");
const ids_1 = require("../../../shared/domain/ids");
const agent_repository_port_1 = require("../domain/agent.repository.port");
const agent_settings_1 = require("./agent-settings");
let CreateAgent = class CreateAgent {
    agents;
    policy;
    clock;
    constructor(agents, policy, clock) {
        this.agents = agents;
        this.policy = policy;
        this.clock = clock;
    }
    async execute(tenantId, input) {
        const now = this.clock.now();
        const agent = {
            id: (0, ids_1.newId)(),
            tenantId,
            description: '',
            provider: 'default',
            instructions: '',
            temperature: null,
            topP: null,
            maxTokens: null,
            tools: [],
            billingPlanId: null,
            externalId: null,
            status: 'active',
            metadata: {},
            ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
            createdAt: now,
            updatedAt: now,
        };
        agent.tools = [...new Set(agent.tools)];
        this.policy.check(agent);
        await this.agents.insert(agent);
        return agent;
    }
};
exports.CreateAgent = CreateAgent;
exports.CreateAgent = CreateAgent = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [agent_repository_port_1.AgentRepository,
        agent_settings_1.AgentSettingsPolicy,
        clock_port_1.Clock])
], CreateAgent);
//# sourceMappingURL=create-agent.use-case.js.map