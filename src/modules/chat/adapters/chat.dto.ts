import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class AgentChatDto {
  @ApiProperty({ example: 'What is 17 * 23?' })
  @IsString()
  @MinLength(1)
  @MaxLength(32000)
  message!: string;

  @ApiPropertyOptional({
    example: '6a2d3c1e-5b4f-4e8d-9c7b-1a0f2e3d4c5b',
    description: 'Continue this conversation',
  })
  @IsOptional()
  @IsUUID()
  conversationId?: string;

  @ApiPropertyOptional({ example: false, description: 'Answer as Server-Sent Events' })
  @IsOptional()
  @IsBoolean()
  stream?: boolean;

  @ApiPropertyOptional({
    example: 'end-user-42',
    description: "The end user's id in your product (conversation filter)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  externalUserId?: string;

  @ApiPropertyOptional({
    example: 'acme-corp',
    description: 'External id of your customer to bill (or the X-Tollgate-Customer header)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  customer?: string;
}

export class UsageDto {
  @ApiProperty({ example: 812 }) promptTokens!: number;
  @ApiProperty({ example: 120 }) completionTokens!: number;
  @ApiProperty({ example: 932 }) totalTokens!: number;
}

export class AgentChatResponseDto {
  @ApiProperty({ enum: ['completed', 'aborted'], example: 'completed' }) status!: string;
  @ApiProperty({ example: '6a2d3c1e-5b4f-4e8d-9c7b-1a0f2e3d4c5b' }) conversationId!: string;
  @ApiProperty({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f' }) messageId!: string;
  @ApiProperty({ example: '17 * 23 = 391' }) content!: string;
  @ApiProperty({ example: 'stop' }) finishReason!: string;
  @ApiProperty({ example: 2, description: 'Model calls made (tool rounds + the answer)' }) rounds!: number;
  @ApiProperty({ type: UsageDto }) usage!: UsageDto;
  @ApiProperty({ example: '0.000194', description: 'Decimal string' }) cost!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
}

export class AgentStatusDto {
  @ApiProperty({ example: '0b5c9f7e-2f6d-4a8e-9d1c-3e2f1a0b9c8d' }) agentId!: string;
  @ApiProperty({ enum: ['active', 'paused', 'archived'], example: 'active' }) status!: string;
  @ApiProperty({ example: '2026-11-22T10:00:05.000Z', nullable: true, type: String }) lastActiveAt!:
    string | null;
  @ApiProperty({ example: 12, description: 'Conversations started in the last 24 h' })
  conversations24h!: number;
  @ApiProperty({ example: 48, description: 'Messages stored in the last 24 h' }) messages24h!: number;
  @ApiProperty({ example: 20412, description: 'Prompt tokens in the last 24 h' }) promptTokens24h!: number;
  @ApiProperty({ example: 3120, description: 'Completion tokens in the last 24 h' })
  completionTokens24h!: number;
  @ApiProperty({ example: 57, description: 'Model requests in the last 24 h' }) requests24h!: number;
}

/** One OpenAI chat message; content may be a string, null (assistant tool calls) or content parts. */
export class OpenAiMessageDto {
  @ApiProperty({ enum: ['system', 'developer', 'user', 'assistant', 'tool'], example: 'user' })
  role!: 'system' | 'developer' | 'user' | 'assistant' | 'tool';

  @ApiPropertyOptional({
    example: 'Hello!',
    oneOf: [
      { type: 'string', nullable: true },
      { type: 'array', items: { type: 'object' } },
    ],
  })
  content?: unknown;

  @ApiPropertyOptional({ example: 'alice' })
  name?: string;

  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } })
  tool_calls?: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }>;

  @ApiPropertyOptional({ example: 'call_1' })
  tool_call_id?: string;

  @ApiPropertyOptional({ description: 'Refusal text of an earlier assistant message' })
  refusal?: unknown;
}

class StreamOptionsDto {
  @ApiPropertyOptional({ example: true })
  include_usage?: boolean;
}

/**
 * The OpenAI Chat Completions request (the fields this gateway supports), for the API description only:
 * the route validates with chat-completion-request.schema.ts, which lists the same fields and limits.
 */
export class ChatCompletionRequestDto {
  @ApiProperty({
    example: 'agent:billing-helper',
    description: '`agent:<slug>` or a model id from GET /v1/models',
  })
  model!: string;

  @ApiProperty({ type: [OpenAiMessageDto] })
  messages!: OpenAiMessageDto[];

  @ApiPropertyOptional({ example: false })
  stream?: boolean;

  @ApiPropertyOptional({ type: StreamOptionsDto })
  stream_options?: StreamOptionsDto;

  @ApiPropertyOptional({ example: 256 })
  max_tokens?: number;

  @ApiPropertyOptional({ example: 256 })
  max_completion_tokens?: number;

  @ApiPropertyOptional({ example: 0.7 })
  temperature?: number;

  @ApiPropertyOptional({ example: 1 })
  top_p?: number;

  @ApiPropertyOptional({ example: 1, description: 'Only 1 is supported' })
  n?: number;

  @ApiPropertyOptional({
    example: 'acme-corp',
    description: 'Billed customer (external id) unless X-Tollgate-Customer is sent',
  })
  user?: string;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object' },
    description: 'Client tools, passed through',
  })
  tools?: Array<{
    type: 'function';
    function: { name: string; description?: string; parameters?: Record<string, unknown> };
  }>;

  @ApiPropertyOptional({ oneOf: [{ type: 'string' }, { type: 'object' }] })
  tool_choice?: unknown;

  @ApiPropertyOptional({ example: true })
  parallel_tool_calls?: boolean;

  @ApiPropertyOptional({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] })
  stop?: unknown;

  @ApiPropertyOptional({ example: 0 })
  presence_penalty?: number;

  @ApiPropertyOptional({ example: 0 })
  frequency_penalty?: number;

  @ApiPropertyOptional({ example: 42 })
  seed?: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  response_format?: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  logit_bias?: Record<string, number>;
}

class ChatCompletionMessageDto {
  @ApiProperty({ example: 'assistant' }) role!: string;
  @ApiProperty({ example: 'Hello! How can I help?', nullable: true, type: String }) content!: string | null;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) tool_calls?: unknown[];
}

class ChatCompletionChoiceDto {
  @ApiProperty({ example: 0 }) index!: number;
  @ApiProperty({ type: ChatCompletionMessageDto }) message!: ChatCompletionMessageDto;
  @ApiProperty({ example: 'stop' }) finish_reason!: string;
}

class CompletionUsageDto {
  @ApiProperty({ example: 12 }) prompt_tokens!: number;
  @ApiProperty({ example: 8 }) completion_tokens!: number;
  @ApiProperty({ example: 20 }) total_tokens!: number;
}

export class ChatCompletionDto {
  @ApiProperty({ example: 'chatcmpl-123' }) id!: string;
  @ApiProperty({ example: 'chat.completion' }) object!: string;
  @ApiProperty({ example: 1732270000 }) created!: number;
  @ApiProperty({ example: 'agent:billing-helper' }) model!: string;
  @ApiProperty({ type: [ChatCompletionChoiceDto] }) choices!: ChatCompletionChoiceDto[];
  @ApiProperty({ type: CompletionUsageDto }) usage!: CompletionUsageDto;
}

class ModelDto {
  @ApiProperty({ example: 'agent:billing-helper' }) id!: string;
  @ApiProperty({ example: 'model' }) object!: string;
  @ApiProperty({ example: 1732270000 }) created!: number;
  @ApiProperty({ example: 'tollgate' }) owned_by!: string;
}

export class ModelListDto {
  @ApiProperty({ example: 'list' }) object!: string;
  @ApiProperty({ type: [ModelDto] }) data!: ModelDto[];
}
