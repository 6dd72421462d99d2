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
exports.CompleteChat = exports.AGENT_MODEL_PREFIX = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../../config/app-config");
const domain_error_1 = require("../../../shared/domain/domain-error");
const agent_cache_1 = require("../../agents/application/agent-cache");
const prompt_1 = require("../domain/prompt");
const call_model_1 = require("./call-model");
const chat_metering_1 = require("./chat-metering");
const chat_with_agent_use_case_1 = require("./chat-with-agent.use-case");
exports.AGENT_MODEL_PREFIX = 'agent:';
class ModelNotFoundError extends domain_error_1.DomainError {
    constructor(model) {
        super('not_found', 'model_not_found', `The model ${model} does not exist or is not available to you`);
    }
}
let CompleteChat = class CompleteChat {
    agents;
    callModel;
    metering;
    config;
    constructor(agents, callModel, metering, config) {
        this.agents = agents;
        this.callModel = callModel;
        this.metering = metering;
        this.config = config;
    }
    async execute(caller, input, signal, onChunk) {
        const started = Date.now();
        let request;
        let agentId = null;
        const { models, defaultMaxTokens } = this.config.chat;
        if (input.model.startsWith(exports.AGENT_MODEL_PREFIX)) {
            const slug = input.model.slice(exports.AGENT_MODEL_PREFIX.length);
            const agent = (0, chat_with_agent_use_case_1.assertChattable)(await this.agents.bySlug(caller.tenantId, slug), input.model);
            agentId = agent.id;
            const spec = models[agent.model];
            if (!spec)
                throw new ModelNotFoundError(input.model);
            const system = agent.instructions
                ? [{ role: 'system', content: agent.instructions }]
                : [];
            request = {
                provider: agent.provider,
                model: agent.model,
                messages: [...system, ...input.messages],
                maxTokens: Math.min(input.maxTokens ?? agent.maxTokens ?? defaultMaxTokens, spec.maxOutputTokens),
                temperature: input.temperature ?? agent.temperature ?? undefined,
                topP: input.topP ?? agent.topP ?? undefined,
                tools: input.tools,
                passthrough: input.passthrough,
            };
        }
        else {
            const spec = models[input.model];
            if (!spec)
                throw new ModelNotFoundError(input.model);
            request = {
                provider: 'default',
                model: input.model,
                messages: input.messages,
                maxTokens: Math.min(input.maxTokens ?? defaultMaxTokens, spec.maxOutputTokens),
                temperature: input.temperature,
                topP: input.topP,
                tools: input.tools,
                passthrough: input.passthrough,
            };
        }
        const estimate = (0, prompt_1.estimatePromptTokens)(request.messages);
        const [, budgets] = await Promise.all([
            this.metering.admit(caller, estimate),
            this.metering.budgetsFor(caller),
        ]);
        const outcome = await this.callModel.execute(request, { budgets, signal, onChunk });
        const usageId = await this.metering.record(caller, {
            agentId,
            conversationId: null,
            endpoint: 'chat_completions',
            provider: request.provider,
            model: request.model,
            promptTokens: outcome.usage.promptTokens,
            completionTokens: outcome.usage.completionTokens,
            promptCost: outcome.promptCost,
            completionCost: outcome.completionCost,
            latencyMs: Date.now() - started,
            status: outcome.status,
            errorCode: outcome.error instanceof domain_error_1.DomainError ? outcome.error.code : outcome.error ? 'internal_error' : null,
        });
        void this.metering.settleTokens(caller, estimate, outcome.usage.promptTokens + outcome.usage.completionTokens);
        if (outcome.status === 'failed')
            throw outcome.error;
        return { outcome, usageId };
    }
};
exports.CompleteChat = CompleteChat;
exports.CompleteChat = CompleteChat = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [agent_cache_1.AgentCache,
        call_model_1.CallModel,
        chat_metering_1.ChatMetering,
        app_config_1.AppConfig])
], CompleteChat);
//# sourceMappingURL=complete-chat.use-case.js.map