"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AgentsModule = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const agents_1 = require("../../shared/contracts/agents");
const agent_repository_port_1 = require("./domain/agent.repository.port");
const tool_port_1 = require("./domain/tool.port");
const agent_orm_entity_1 = require("./adapters/agent.orm-entity");
const typeorm_agent_repository_1 = require("./adapters/typeorm-agent.repository");
const builtin_tools_1 = require("./adapters/builtin-tools");
const agents_controller_1 = require("./adapters/agents.controller");
const agent_directory_1 = require("./application/agent-directory");
const agent_settings_1 = require("./application/agent-settings");
const agent_cache_1 = require("./application/agent-cache");
const create_agent_use_case_1 = require("./application/create-agent.use-case");
const update_agent_use_case_1 = require("./application/update-agent.use-case");
let AgentsModule = class AgentsModule {
};
exports.AgentsModule = AgentsModule;
exports.AgentsModule = AgentsModule = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({
        imports: [typeorm_1.TypeOrmModule.forFeature([agent_orm_entity_1.AgentOrmEntity])],
        controllers: [agents_controller_1.AgentsController, agents_controller_1.ToolsController],
        providers: [
            { provide: agent_repository_port_1.AgentRepository, useClass: typeorm_agent_repository_1.TypeOrmAgentRepository },
            { provide: agents_1.AgentDirectory, useClass: agent_directory_1.RepositoryAgentDirectory },
            { provide: tool_port_1.ToolRegistry, useClass: builtin_tools_1.BuiltinToolRegistry },
            agent_settings_1.AgentSettingsPolicy,
            agent_cache_1.AgentCache,
            create_agent_use_case_1.CreateAgent,
            update_agent_use_case_1.UpdateAgent,
        ],
        exports: [agents_1.AgentDirectory, agent_repository_port_1.AgentRepository, agent_cache_1.AgentCache, tool_port_1.ToolRegistry],
    })
], AgentsModule);
//# sourceMappingURL=agents.module.js.map