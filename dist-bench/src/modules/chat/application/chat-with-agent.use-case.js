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
var ChatWithAgent_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChatWithAgent = void 0;
exports.assertChattable = assertChattable;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../../config/app-config");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const money_1 = require("../../../shared/domain/money");
const clock_port_1 = require("../../../shared/domain/clock.port");
const agent_cache_1 = require("../../agents/application/agent-cache");
const tool_port_1 = require("../../agents/domain/tool.port");
const conversation_repository_port_1 = require("../../conversations/domain/conversation.repository.port");
const conversation_1 = require("../../conversations/domain/conversation");
const prompt_1 = require("../domain/prompt");
const call_model_1 = require("./call-model");
const chat_metering_1 = require("./chat-metering");
const HISTORY_LIMIT = 200;
function assertChattable(agent, ref) {
    if (!agent)
        throw new domain_error_1.NotFoundError('Agent', ref);
    if (agent.status === 'archived')
        throw new domain_error_1.ConflictError('agent_archived', `Agent ${ref} is archived`);
    if (agent.status === 'paused')
        throw new domain_error_1.ConflictError('agent_paused', `Agent ${ref} is paused`);
    return agent;
}
const toLlm = (m) => m.role === 'tool'
    ? { role: 'tool', content: m.content, tool_call_id: m.toolCallId ?? '' }
    : m.role === 'assistant' && m.toolCalls?.length
        ? {
            role: 'assistant',
            content: m.content || null,
            tool_calls: m.toolCalls.map((c) => ({
                id: c.id,
                type: 'function',
                function: { name: c.name, arguments: c.arguments },
            })),
        }
        : { role: m.role, content: m.content };
let ChatWithAgent = ChatWithAgent_1 = class ChatWithAgent {
    agents;
    conversations;
    tools;
    callModel;
    metering;
    config;
    clock;
    logger = new common_1.Logger(ChatWithAgent_1.name);
    constructor(agents, conversations, tools, callModel, metering, config, clock) {
        this.agents = agents;
        this.conversations = conversations;
        this.tools = tools;
        this.callModel = callModel;
        this.metering = metering;
        this.config = config;
        this.clock = clock;
    }
    async execute(caller, input, signal, events) {
        const started = Date.now();
        const agent = assertChattable(await this.agents.byId(caller.tenantId, input.agentId), input.agentId);
        const spec = this.config.chat.models[agent.model];
        if (!spec)
            throw new domain_error_1.InvalidError('model_not_priced', `Model ${agent.model} has no price configured`);
        let history = [];
        let isNew = true;
        const conversationId = input.conversationId ?? (0, ids_1.newId)();
        if (input.conversationId) {
            const [existing, recent] = await Promise.all([
                this.conversations.find(caller.tenantId, input.conversationId),
                this.conversations.recentMessages(caller.tenantId, input.conversationId, HISTORY_LIMIT),
            ]);
            if (!existing || existing.agentId !== agent.id)
                throw new domain_error_1.NotFoundError('Conversation', input.conversationId);
            history = recent.map(toLlm);
            isNew = false;
        }
        const maxTokens = Math.min(agent.maxTokens ?? this.config.chat.defaultMaxTokens, spec.maxOutputTokens);
        const messages = (0, prompt_1.buildPrompt)({
            instructions: agent.instructions,
            history,
            message: { role: 'user', content: input.message },
            contextTokens: spec.contextWindow - maxTokens,
        });
        const estimate = (0, prompt_1.estimatePromptTokens)(messages);
        const [, budgets] = await Promise.all([
            this.metering.admit(caller, estimate),
            this.metering.budgetsFor(caller),
        ]);
        const toolDefs = agent.tools
            .map((name) => this.tools.get(name))
            .filter((t) => t?.available())
            .map((t) => ({ type: 'function', function: { ...t.spec } }));
        const stored = [this.message('user', input.message)];
        const outcomes = [];
        let final;
        const maxRounds = this.config.chat.maxToolRounds;
        for (let round = 0; round <= maxRounds; round++) {
            const offerTools = toolDefs.length > 0 && round < maxRounds;
            const outcome = await this.callModel
                .execute({
                provider: agent.provider,
                model: agent.model,
                messages,
                maxTokens,
                ...(agent.temperature !== null ? { temperature: agent.temperature } : {}),
                ...(agent.topP !== null ? { topP: agent.topP } : {}),
                ...(offerTools ? { tools: toolDefs } : {}),
            }, { budgets, signal, onChunk: events ? (c) => c.content && events.delta(c.content) : undefined })
                .catch((error) => {
                if (round === 0)
                    throw error;
                return this.refused(error);
            });
            outcomes.push(outcome);
            final = outcome;
            if (outcome.status !== 'completed' || !outcome.toolCalls.length || !offerTools)
                break;
            await this.runTools(caller, outcome.toolCalls, messages, stored, signal, events);
            if (signal.aborted)
                break;
        }
        const usage = {
            promptTokens: outcomes.reduce((s, o) => s + o.usage.promptTokens, 0),
            completionTokens: outcomes.reduce((s, o) => s + o.usage.completionTokens, 0),
        };
        const cost = (0, call_model_1.sumCost)(outcomes);
        const status = signal.aborted ? 'aborted' : final.status;
        await this.metering.record(caller, {
            agentId: agent.id,
            conversationId: status === 'failed' ? (isNew ? null : conversationId) : conversationId,
            endpoint: 'agent_chat',
            provider: agent.provider,
            model: agent.model,
            promptTokens: usage.promptTokens,
            completionTokens: usage.completionTokens,
            promptCost: cost.prompt,
            completionCost: cost.completion,
            latencyMs: Date.now() - started,
            status,
            errorCode: final?.error instanceof domain_error_1.DomainError ? final.error.code : final?.error ? 'internal_error' : null,
        });
        void this.metering.settleTokens(caller, estimate, usage.promptTokens + usage.completionTokens);
        if (status === 'failed')
            throw final.error;
        const reply = this.message('assistant', final.content, usage);
        if (final.content || status === 'completed')
            stored.push(reply);
        const at = this.clock.now();
        await this.conversations.appendTurn({
            tenantId: caller.tenantId,
            conversation: {
                id: conversationId,
                agentId: agent.id,
                externalUserId: input.externalUserId ?? null,
                title: (0, conversation_1.titleFrom)(input.message),
                createdAt: at,
            },
            messages: stored,
            promptTokens: usage.promptTokens,
            completionTokens: usage.completionTokens,
            at,
        });
        return {
            status,
            conversationId,
            messageId: reply.id,
            content: final.content,
            finishReason: final.finishReason,
            rounds: outcomes.length,
            usage: { ...usage, totalTokens: usage.promptTokens + usage.completionTokens },
            cost: cost.prompt.plus(cost.completion).toFixed(),
            currency: this.config.chat.currency,
        };
    }
    refused(error) {
        return {
            status: 'failed',
            content: '',
            toolCalls: [],
            finishReason: 'error',
            usage: { promptTokens: 0, completionTokens: 0 },
            promptCost: (0, money_1.dec)(0),
            completionCost: (0, money_1.dec)(0),
            error,
        };
    }
    message(role, content, tokens = { promptTokens: 0, completionTokens: 0 }, extra = {}) {
        return { id: (0, ids_1.newId)(), role, content, toolCalls: null, toolCallId: null, ...tokens, ...extra };
    }
    async runTools(caller, calls, messages, stored, signal, events) {
        messages.push({ role: 'assistant', content: null, tool_calls: calls });
        stored.push(this.message('assistant', '', undefined, {
            toolCalls: calls.map((c) => ({ id: c.id, name: c.function.name, arguments: c.function.arguments })),
        }));
        const results = await Promise.all(calls.map(async (call) => {
            events?.toolCall({ id: call.id, name: call.function.name, arguments: call.function.arguments });
            let content;
            let isError = false;
            try {
                const tool = this.tools.get(call.function.name);
                if (!tool?.available())
                    throw new domain_error_1.InvalidError('unknown_tool', `No tool named ${call.function.name}`);
                const args = JSON.parse(call.function.arguments || '{}');
                content = await tool.execute(args, { tenantId: caller.tenantId, signal });
            }
            catch (error) {
                isError = true;
                content = `error: ${error instanceof domain_error_1.DomainError || error instanceof SyntaxError ? error.message : 'the tool failed'}`;
                if (!(error instanceof domain_error_1.DomainError) && !(error instanceof SyntaxError))
                    this.logger.warn({ err: error, tool: call.function.name }, 'tool failed');
            }
            events?.toolResult({ id: call.id, name: call.function.name, content, isError });
            return { call, content };
        }));
        for (const { call, content } of results) {
            messages.push({ role: 'tool', tool_call_id: call.id, content });
            stored.push(this.message('tool', content, undefined, { toolCallId: call.id }));
        }
    }
};
exports.ChatWithAgent = ChatWithAgent;
exports.ChatWithAgent = ChatWithAgent = ChatWithAgent_1 = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [agent_cache_1.AgentCache,
        conversation_repository_port_1.ConversationRepository,
        tool_port_1.ToolRegistry,
        call_model_1.CallModel,
        chat_metering_1.ChatMetering,
        app_config_1.AppConfig,
        clock_port_1.Clock])
], ChatWithAgent);
//# sourceMappingURL=chat-with-agent.use-case.js.map