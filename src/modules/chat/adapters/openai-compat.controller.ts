import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiExtraModels,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../../config/app-config';
import {
  ActsInTenant,
  currentPrincipal,
  CurrentTenant,
  currentTenant,
  Scopes,
} from '../../../shared/http/auth.decorators';
import { TenantId } from '../../../shared/domain/tenant-id';
import { AgentDirectory } from '../../../shared/contracts/agents';
import { AGENT_MODEL_PREFIX, CompleteChat, CompletionInput } from '../application/complete-chat.use-case';
import { ChatCompletionDto, ChatCompletionRequestDto, ModelListDto } from './chat.dto';
import { abortOnDisconnect, SseWriter } from './sse';
import { ApiProblems } from '../../../shared/http/openapi.decorators';
import { forwardedChunk, forwardedCompletion } from './completion-chunks';
import { JsonSchemaPipe } from '../../../shared/http/json-schema.pipe';
import { DirectRoute } from '../../../shared/http/direct-route';
import { ChatCompletionRequest, chatCompletionRequestSchema } from './chat-completion-request.schema';

const chatCompletionRequest = new JsonSchemaPipe<ChatCompletionRequest>(chatCompletionRequestSchema);

const PASSTHROUGH = [
  'tool_choice',
  'parallel_tool_calls',
  'stop',
  'presence_penalty',
  'frequency_penalty',
  'seed',
  'response_format',
  'logit_bias',
] as const;

/** OpenAI-compatible surface: the official SDKs work against `<tollgate>/v1` with a Tollgate API key. */
@ApiTags('openai-compatible')
@Controller('v1')
export class OpenAiCompatController {
  private readonly startedAt = Math.floor(Date.now() / 1000);

  constructor(
    private readonly completeChat: CompleteChat,
    private readonly agents: AgentDirectory,
    private readonly config: AppConfig,
  ) {}

  @Post('chat/completions')
  @HttpCode(200)
  @Scopes('chat:invoke')
  @ApiOperation({
    operationId: 'createChatCompletion',
    summary: 'OpenAI-compatible chat completion (model = agent:<slug> or a model id; stream supported)',
  })
  @ApiProblems(402, 409, 429, 502, 504)
  @ApiHeader({
    name: 'X-Tollgate-Customer',
    required: false,
    description: 'External id of the customer to bill',
  })
  @ApiBody({ type: ChatCompletionRequestDto })
  @ApiExtraModels(ChatCompletionDto)
  @ApiOkResponse({
    description: 'The completion; with `stream: true`, Server-Sent Events instead',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ChatCompletionDto) } },
      'text/event-stream': {
        schema: {
          type: 'string',
          description:
            'OpenAI stream format: `data:` lines each carrying a chat.completion.chunk JSON (or an ' +
            '`{ error }` object), ending with `data: [DONE]`',
        },
      },
    },
  })
  @ActsInTenant()
  @DirectRoute()
  async createChatCompletion(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    // Served by Fastify directly (@DirectRoute): the tenant, principal, body and header are read here, as
    // no Nest pipe or parameter decorator runs. Same checks, same problems.
    const tenantId = currentTenant();
    const principal = currentPrincipal();
    const body = chatCompletionRequest.transform(request.body);
    const customerHeader = request.headers['x-tollgate-customer'] as string | undefined;
    const customerRef = customerHeader ?? body.user;
    const caller = { tenantId, principal, ...(customerRef ? { customer: { externalId: customerRef } } : {}) };
    const passthrough: Record<string, unknown> = {};
    for (const key of PASSTHROUGH) if (body[key] !== undefined) passthrough[key] = body[key];
    const input: CompletionInput = {
      model: body.model,
      messages: body.messages.map((m) => ({ ...m, content: m.content ?? null })),
      maxTokens: body.max_completion_tokens ?? body.max_tokens ?? undefined,
      temperature: body.temperature ?? undefined,
      topP: body.top_p ?? undefined,
      tools: body.tools ?? undefined,
      passthrough,
    };
    const abort = abortOnDisconnect(reply);

    if (!body.stream) {
      const { outcome } = await this.completeChat.execute(caller, input, abort.signal);
      if (abort.signal.aborted) return;
      await reply
        .status(200)
        .type('application/json; charset=utf-8')
        .send(forwardedCompletion(outcome.raw ?? {}, outcome.rawJson, body.model));
      return;
    }

    const includeUsage = body.stream_options?.include_usage === true;
    const sse = new SseWriter(reply);
    try {
      await this.completeChat.execute(caller, input, abort.signal, (chunk) => {
        // The usage chunk (usage, no choices; we always ask for it) is by the stream format the last before
        // [DONE]: the events left leave with the end of the response.
        if (chunk.usage && !(chunk.raw as { choices?: unknown[] }).choices?.length) sse.holdToEnd();
        const data = forwardedChunk(chunk, body.model, includeUsage);
        if (data !== undefined) sse.send(data);
      });
      if (abort.signal.aborted) return;
      sse.send('[DONE]');
      sse.end();
    } catch (error) {
      if (!sse.started) throw error;
      sse.fail(error, request);
    }
  }

  @Get('models')
  @Scopes('chat:invoke')
  @ApiOperation({
    operationId: 'listModels',
    summary: "OpenAI-compatible model list: the organization's active agents and the priced models",
  })
  @ApiOkResponse({ type: ModelListDto })
  async listModels(@CurrentTenant() tenantId: TenantId): Promise<ModelListDto> {
    const agents = await this.agents.listActive(tenantId, 100);
    const model = (id: string, created: number, owner: string) => ({
      id,
      object: 'model',
      created,
      owned_by: owner,
    });
    return {
      object: 'list',
      data: [
        ...agents.map((a) =>
          model(`${AGENT_MODEL_PREFIX}${a.slug}`, Math.floor(a.createdAt.getTime() / 1000), 'tollgate'),
        ),
        ...Object.keys(this.config.chat.models).map((id) => model(id, this.startedAt, 'provider')),
      ],
    };
  }
}
