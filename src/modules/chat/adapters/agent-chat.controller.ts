import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiExtraModels,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, CurrentTenant, Scopes } from '../../../shared/http/auth.decorators';
import { Principal } from '../../../shared/context/principal';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Clock } from '../../../shared/domain/clock.port';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { AgentDirectory } from '../../../shared/contracts/agents';
import { uuidOr404 } from '../../../shared/http/uuid-or-404.pipe';
import { ChatWithAgent } from '../application/chat-with-agent.use-case';
import { AgentActivityReader } from '../domain/agent-activity.port';
import { AgentChatDto, AgentChatResponseDto, AgentStatusDto } from './chat.dto';
import { abortOnDisconnect, SseWriter } from './sse';
import { ApiProblems } from '../../../shared/http/openapi.decorators';

const DAY_MS = 24 * 3600 * 1000;

@ApiTags('chat')
@Controller('api/v1/agents')
export class AgentChatController {
  constructor(
    private readonly chatWithAgent: ChatWithAgent,
    private readonly agents: AgentDirectory,
    private readonly activity: AgentActivityReader,
    private readonly clock: Clock,
  ) {}

  @Post(':id/chat')
  @HttpCode(200)
  @Scopes('chat:invoke')
  @ApiOperation({
    operationId: 'chatWithAgent',
    summary: 'Chat with an agent (JSON, or Server-Sent Events with stream: true)',
    description:
      'SSE events: `delta` {content}, `tool_call` {id,name,arguments}, `tool_result` {id,name,content,isError}, ' +
      '`done` (the JSON answer), `error` (problem details).',
  })
  @ApiProblems(402, 409, 429, 502, 504)
  @ApiHeader({
    name: 'X-Tollgate-Customer',
    required: false,
    description: 'External id of the customer to bill',
  })
  @ApiExtraModels(AgentChatResponseDto)
  @ApiOkResponse({
    description: 'The reply; with `stream: true`, Server-Sent Events instead',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AgentChatResponseDto) } },
      'text/event-stream': {
        schema: {
          type: 'string',
          description:
            'Events `delta` ({ content }), `tool_call`, `tool_result`, then `done` (the reply as in ' +
            'application/json) or `error` (problem details); each `data:` line is JSON',
        },
      },
    },
  })
  async chat(
    @CurrentTenant() tenantId: TenantId,
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: AgentChatDto,
    @Headers('x-tollgate-customer') customerHeader: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const customerRef = body.customer ?? customerHeader;
    const caller = { tenantId, principal, ...(customerRef ? { customer: { externalId: customerRef } } : {}) };
    const input = {
      agentId: uuidOr404('Agent', id),
      message: body.message,
      conversationId: body.conversationId,
      externalUserId: body.externalUserId,
    };
    const abort = abortOnDisconnect(reply);
    if (!body.stream) {
      const result = await this.chatWithAgent.execute(caller, input, abort.signal);
      if (!abort.signal.aborted) await reply.status(200).send(result);
      return;
    }
    const sse = new SseWriter(reply);
    try {
      const result = await this.chatWithAgent.execute(caller, input, abort.signal, {
        delta: (content) => sse.send(JSON.stringify({ content }), 'delta'),
        toolCall: (call) => sse.send(JSON.stringify(call), 'tool_call'),
        toolResult: (res) => sse.send(JSON.stringify(res), 'tool_result'),
      });
      if (abort.signal.aborted) return;
      sse.send(JSON.stringify(result), 'done');
      sse.end();
    } catch (error) {
      if (!sse.started) throw error;
      sse.fail(error, request, 'error');
    }
  }

  @Get(':id/status')
  @Scopes('agents:read')
  @ApiOperation({
    operationId: 'getAgentStatus',
    summary: 'Agent status: last activity and the last 24 hours of conversations, messages and tokens',
  })
  @ApiOkResponse({ type: AgentStatusDto })
  async status(@CurrentTenant() tenantId: TenantId, @Param('id') id: string): Promise<AgentStatusDto> {
    const agent = await this.agents.find(tenantId, uuidOr404('Agent', id));
    if (!agent) throw new NotFoundError('Agent', id);
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
}
