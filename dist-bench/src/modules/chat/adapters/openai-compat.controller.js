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
exports.OpenAiCompatController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const app_config_1 = require("../../../config/app-config");
const auth_decorators_1 = require("../../../shared/http/auth.decorators");
const agent_repository_port_1 = require("../../agents/domain/agent.repository.port");
const complete_chat_use_case_1 = require("../application/complete-chat.use-case");
const chat_dto_1 = require("./chat.dto");
const sse_1 = require("./sse");
const PASSTHROUGH = [
    'tool_choice',
    'parallel_tool_calls',
    'stop',
    'presence_penalty',
    'frequency_penalty',
    'seed',
    'response_format',
    'logit_bias',
];
let OpenAiCompatController = class OpenAiCompatController {
    completeChat;
    agents;
    config;
    startedAt = Math.floor(Date.now() / 1000);
    constructor(completeChat, agents, config) {
        this.completeChat = completeChat;
        this.agents = agents;
        this.config = config;
    }
    async createChatCompletion(tenantId, principal, body, customerHeader, request, reply) {
        const customerRef = customerHeader ?? body.user;
        const caller = { tenantId, principal, ...(customerRef ? { customer: { externalId: customerRef } } : {}) };
        const passthrough = {};
        for (const key of PASSTHROUGH)
            if (body[key] !== undefined)
                passthrough[key] = body[key];
        const input = {
            model: body.model,
            messages: body.messages.map((m) => ({ ...m, content: m.content ?? null })),
            maxTokens: body.max_completion_tokens ?? body.max_tokens,
            temperature: body.temperature,
            topP: body.top_p,
            tools: body.tools,
            passthrough,
        };
        const abort = (0, sse_1.abortOnDisconnect)(reply);
        if (!body.stream) {
            const { outcome } = await this.completeChat.execute(caller, input, abort.signal);
            if (abort.signal.aborted)
                return;
            await reply.status(200).send({ ...outcome.raw, model: body.model });
            return;
        }
        const includeUsage = body.stream_options?.include_usage === true;
        const sse = new sse_1.SseWriter(reply);
        try {
            await this.completeChat.execute(caller, input, abort.signal, (chunk) => {
                const raw = chunk.raw;
                if (!includeUsage && !raw.choices?.length)
                    return;
                const { usage, ...rest } = raw;
                sse.send(JSON.stringify(includeUsage ? { ...rest, model: body.model, usage } : { ...rest, model: body.model }));
            });
            if (abort.signal.aborted)
                return;
            sse.send('[DONE]');
            sse.end();
        }
        catch (error) {
            if (!sse.started)
                throw error;
            sse.fail(error, request);
        }
    }
    async listModels(tenantId) {
        const agents = await this.agents.list(tenantId, { status: 'active', limit: 100 });
        const model = (id, created, owner) => ({
            id,
            object: 'model',
            created,
            owned_by: owner,
        });
        return {
            object: 'list',
            data: [
                ...agents.items.map((a) => model(`${complete_chat_use_case_1.AGENT_MODEL_PREFIX}${a.slug}`, Math.floor(a.createdAt.getTime() / 1000), 'tollgate')),
                ...Object.keys(this.config.chat.models).map((id) => model(id, this.startedAt, 'provider')),
            ],
        };
    }
};
exports.OpenAiCompatController = OpenAiCompatController;
__decorate([
    (0, common_1.Post)('chat/completions'),
    (0, common_1.HttpCode)(200),
    (0, auth_decorators_1.Scopes)('chat:invoke'),
    (0, swagger_1.ApiOperation)({
        summary: 'OpenAI-compatible chat completion (model = agent:<slug> or a model id; stream supported)',
    }),
    (0, swagger_1.ApiHeader)({
        name: 'X-Tollgate-Customer',
        required: false,
        description: 'External id of the customer to bill',
    }),
    (0, swagger_1.ApiProduces)('application/json', 'text/event-stream'),
    (0, swagger_1.ApiOkResponse)({ type: chat_dto_1.ChatCompletionDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, auth_decorators_1.CurrentPrincipal)()),
    __param(2, (0, common_1.Body)()),
    __param(3, (0, common_1.Headers)('x-tollgate-customer')),
    __param(4, (0, common_1.Req)()),
    __param(5, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, chat_dto_1.ChatCompletionRequestDto, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], OpenAiCompatController.prototype, "createChatCompletion", null);
__decorate([
    (0, common_1.Get)('models'),
    (0, auth_decorators_1.Scopes)('chat:invoke'),
    (0, swagger_1.ApiOperation)({
        summary: "OpenAI-compatible model list: the organization's active agents and the priced models",
    }),
    (0, swagger_1.ApiOkResponse)({ type: chat_dto_1.ModelListDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], OpenAiCompatController.prototype, "listModels", null);
exports.OpenAiCompatController = OpenAiCompatController = __decorate([
    (0, swagger_1.ApiTags)('openai-compatible'),
    (0, common_1.Controller)('v1'),
    __metadata("design:paramtypes", [complete_chat_use_case_1.CompleteChat,
        agent_repository_port_1.AgentRepository,
        app_config_1.AppConfig])
], OpenAiCompatController);
//# sourceMappingURL=openai-compat.controller.js.map