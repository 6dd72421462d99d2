import type { LlmMessage, LlmToolDefinition } from '../domain/llm-provider.port';

/**
 * The OpenAI Chat Completions request as POST /v1/chat/completions accepts it. Validated by this JSON
 * schema, compiled once (JsonSchemaPipe), instead of class-validator: on the gateway's hottest route the
 * DTO's transform-and-validate cost more than the route's own work (see bench/README.md). The Swagger
 * description is ChatCompletionRequestDto (chat.dto.ts); the two list the same fields.
 * Optional fields also accept null, as class-validator's @IsOptional did.
 */
export interface ChatCompletionRequest {
  model: string;
  messages: LlmMessage[];
  stream?: boolean | null;
  stream_options?: { include_usage?: boolean | null } | null;
  max_tokens?: number | null;
  max_completion_tokens?: number | null;
  temperature?: number | null;
  top_p?: number | null;
  n?: number | null;
  user?: string | null;
  tools?: LlmToolDefinition[] | null;
  tool_choice?: unknown;
  parallel_tool_calls?: boolean | null;
  stop?: unknown;
  presence_penalty?: number | null;
  frequency_penalty?: number | null;
  seed?: number | null;
  response_format?: Record<string, unknown> | null;
  logit_bias?: Record<string, number> | null;
}

const optional = (schema: Record<string, unknown>) => ({ ...schema, type: [schema.type, 'null'] });

const message = {
  type: 'object',
  required: ['role'],
  additionalProperties: false,
  properties: {
    role: { enum: ['system', 'developer', 'user', 'assistant', 'tool'] },
    content: {},
    name: optional({ type: 'string', maxLength: 64 }),
    tool_calls: optional({ type: 'array' }),
    tool_call_id: optional({ type: 'string' }),
    refusal: {},
  },
};

export const chatCompletionRequestSchema = {
  type: 'object',
  required: ['model', 'messages'],
  additionalProperties: false,
  properties: {
    model: { type: 'string', minLength: 1, maxLength: 200 },
    messages: { type: 'array', minItems: 1, maxItems: 1000, items: message },
    stream: optional({ type: 'boolean' }),
    stream_options: optional({
      type: 'object',
      additionalProperties: false,
      properties: { include_usage: optional({ type: 'boolean' }) },
    }),
    max_tokens: optional({ type: 'integer', minimum: 1 }),
    max_completion_tokens: optional({ type: 'integer', minimum: 1 }),
    temperature: optional({ type: 'number', minimum: 0, maximum: 2 }),
    top_p: optional({ type: 'number', minimum: 0, maximum: 1 }),
    n: optional({ type: 'integer', minimum: 1, maximum: 1 }),
    user: optional({ type: 'string', maxLength: 200 }),
    tools: optional({ type: 'array', maxItems: 128 }),
    tool_choice: {},
    parallel_tool_calls: optional({ type: 'boolean' }),
    stop: {},
    presence_penalty: optional({ type: 'number', minimum: -2, maximum: 2 }),
    frequency_penalty: optional({ type: 'number', minimum: -2, maximum: 2 }),
    seed: optional({ type: 'integer' }),
    response_format: optional({ type: 'object' }),
    logit_bias: optional({ type: 'object' }),
  },
};
