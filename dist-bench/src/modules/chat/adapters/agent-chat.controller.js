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
exports.AgentChatController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../../../shared/http/auth.decorators");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const agent_repository_port_1 = require("../../agents/domain/agent.repository.port");
const agents_controller_1 = require("../../agents/adapters/agents.controller");
const chat_with_agent_use_case_1 = require("../application/chat-with-agent.use-case");
const agent_activity_port_1 = require("../domain/agent-activity.port");
const chat_dto_1 = require("./chat.dto");
const sse_1 = require("./sse");
const DAY_MS = 24 * 3600 * 1000;
let AgentChatController = class AgentChatController {
    chatWithAgent;
    agents;
    activity;
    clock;
    constructor(chatWithAgent, agents, activity, clock) {
        this.chatWithAgent = chatWithAgent;
        this.agents = agents;
        this.activity = activity;
        this.clock = clock;
    }
    async chat(tenantId, principal, id, body, customerHeader, request, reply) {
        const customerRef = body.customer ?? customerHeader;
        const caller = { tenantId, principal, ...(customerRef ? { customer: { externalId: customerRef } } : {}) };
        const input = {
            agentId: (0, agents_controller_1.agentIdParam)(id),
            message: body.message,
            conversationId: body.conversationId,
            externalUserId: body.externalUserId,
        };
        const abort = (0, sse_1.abortOnDisconnect)(reply);
        if (!body.stream) {
            const result = await this.chatWithAgent.execute(caller, input, abort.signal);
            if (!abort.signal.aborted)
                await reply.status(200).send(result);
            return;
        }
        const sse = new sse_1.SseWriter(reply);
        try {
            const result = await this.chatWithAgent.execute(caller, input, abort.signal, {
                delta: (content) => sse.send(JSON.stringify({ content }), 'delta'),
                toolCall: (call) => sse.send(JSON.stringify(call), 'tool_call'),
                toolResult: (res) => sse.send(JSON.stringify(res), 'tool_result'),
            });
            if (abort.signal.aborted)
                return;
            sse.send(JSON.stringify(result), 'done');
            sse.end();
        }
        catch (error) {
            if (!sse.started)
                throw error;
            sse.fail(error, request, 'error');
        }
    }
    async status(tenantId, id) {
        const agent = await this.agents.findById(tenantId, (0, agents_controller_1.agentIdParam)(id));
        if (!agent)
            throw new domain_error_1.NotFoundError('Agent', id);
        const a = await this.activity.since(tenantId, agent.id, new Date(this.clock.now().getTime() - DAY_MS));
        return {
            agentId: agent.id,
            status: agent.status,
            lastActiveAt: a.lastActiveAt?.toISOString() ?? null,
            conversations24h: a.conversations,
            messages24h: a.messages,
            promptTokens24h: a.promptTokens,
            completionTokens24h: a.completionTokens,
            requests24h: a.requests,
        };
    }
};
exports.AgentChatController = AgentChatController;
__decorate([
    (0, common_1.Post)(':id/chat'),
    (0, common_1.HttpCode)(200),
    (0, auth_decorators_1.Scopes)('chat:invoke'),
    (0, swagger_1.ApiOperation)({
        summary: 'Chat with an agent (JSON, or Server-Sent Events with stream: true)',
        description: 'SSE events: `delta` {content}, `tool_call` {id,name,arguments}, `tool_result` {id,name,content,isError}, ' +
            '`done` (the JSON answer), `error` (problem details).',
    }),
    (0, swagger_1.ApiHeader)({
        name: 'X-Tollgate-Customer',
        required: false,
        description: 'External id of the customer to bill',
    }),
    (0, swagger_1.ApiProduces)('application/json', 'text/event-stream'),
    (0, swagger_1.ApiOkResponse)({ type: chat_dto_1.AgentChatResponseDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, auth_decorators_1.CurrentPrincipal)()),
    __param(2, (0, common_1.Param)('id')),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Headers)('x-tollgate-customer')),
    __param(5, (0, common_1.Req)()),
    __param(6, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, String, chat_dto_1.AgentChatDto, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], AgentChatController.prototype, "chat", null);
__decorate([
    (0, common_1.Get)(':id/status'),
    (0, auth_decorators_1.Scopes)('agents:read'),
    (0, swagger_1.ApiOperation)({
        summary: 'Agent status: last activity and the last 24 hours of conversations, messages and tokens',
    }),
    (0, swagger_1.ApiOkResponse)({ type: chat_dto_1.AgentStatusDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], AgentChatController.prototype, "status", null);
exports.AgentChatController = AgentChatController = __decorate([
    (0, swagger_1.ApiTags)('chat'),
    (0, common_1.Controller)('api/v1/agents'),
    __metadata("design:paramtypes", [chat_with_agent_use_case_1.ChatWithAgent,
        agent_repository_port_1.AgentRepository,
        agent_activity_port_1.AgentActivityReader,
        clock_port_1.Clock])
], AgentChatController);
//# sourceMappingURL=agent-chat.controller.js.map