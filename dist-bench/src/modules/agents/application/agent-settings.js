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
exports.AgentSettingsPolicy = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../../config/app-config");
const domain_error_1 = require("../../../shared/domain/domain-error");
const agent_1 = require("../domain/agent");
const tool_port_1 = require("../domain/tool.port");
let AgentSettingsPolicy = class AgentSettingsPolicy {
    config;
    tools;
    constructor(config, tools) {
        this.config = config;
        this.tools = tools;
    }
    check(agent) {
        const violations = [];
        const { providers, models } = this.config.chat;
        if (!providers[agent.provider])
            violations.push({
                field: 'provider',
                message: `unknown provider "${agent.provider}"; configured: ${Object.keys(providers).join(', ')}`,
            });
        const model = models[agent.model];
        if (!model)
            violations.push({
                field: 'model',
                message: `model "${agent.model}" has no price in CHAT_MODELS; known: ${Object.keys(models).join(', ')}`,
            });
        else if (agent.maxTokens !== null && agent.maxTokens > model.maxOutputTokens)
            violations.push({ field: 'maxTokens', message: `at most ${model.maxOutputTokens} for ${agent.model}` });
        for (const name of agent.tools)
            if (!this.tools.get(name))
                violations.push({ field: 'tools', message: `unknown tool "${name}"` });
        if (violations.length)
            throw new domain_error_1.InvalidError('invalid_agent_settings', violations.map((v) => `${v.field}: ${v.message}`).join('; '), violations);
        (0, agent_1.checkMetadataSize)(agent.metadata);
    }
};
exports.AgentSettingsPolicy = AgentSettingsPolicy;
exports.AgentSettingsPolicy = AgentSettingsPolicy = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [app_config_1.AppConfig,
        tool_port_1.ToolRegistry])
], AgentSettingsPolicy);
//# sourceMappingURL=agent-settings.js.map