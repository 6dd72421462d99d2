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
exports.ModelListDto = exports.ChatCompletionDto = exports.ChatCompletionRequestDto = exports.OpenAiMessageDto = exports.AgentStatusDto = exports.AgentChatResponseDto = exports.UsageDto = exports.AgentChatDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
class AgentChatDto {
    message;
    conversationId;
    stream;
    externalUserId;
    customer;
}
exports.AgentChatDto = AgentChatDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'What is 17 * 23?' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(32000),
    __metadata("design:type", String)
], AgentChatDto.prototype, "message", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: '6a2d3c1e-5b4f-4e8d-9c7b-1a0f2e3d4c5b',
        description: 'Continue this conversation',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], AgentChatDto.prototype, "conversationId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: false, description: 'Answer as Server-Sent Events' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], AgentChatDto.prototype, "stream", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: 'end-user-42',
        description: "The end user's id in your product (conversation filter)",
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], AgentChatDto.prototype, "externalUserId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: 'acme-corp',
        description: 'External id of your customer to bill (or the X-Tollgate-Customer header)',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], AgentChatDto.prototype, "customer", void 0);
class UsageDto {
    promptTokens;
    completionTokens;
    totalTokens;
}
exports.UsageDto = UsageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 812 }),
    __metadata("design:type", Number)
], UsageDto.prototype, "promptTokens", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 120 }),
    __metadata("design:type", Number)
], UsageDto.prototype, "completionTokens", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 932 }),
    __metadata("design:type", Number)
], UsageDto.prototype, "totalTokens", void 0);
class AgentChatResponseDto {
    status;
    conversationId;
    messageId;
    content;
    finishReason;
    rounds;
    usage;
    cost;
    currency;
}
exports.AgentChatResponseDto = AgentChatResponseDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['completed', 'aborted'], example: 'completed' }),
    __metadata("design:type", String)
], AgentChatResponseDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '6a2d3c1e-5b4f-4e8d-9c7b-1a0f2e3d4c5b' }),
    __metadata("design:type", String)
], AgentChatResponseDto.prototype, "conversationId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f' }),
    __metadata("design:type", String)
], AgentChatResponseDto.prototype, "messageId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '17 * 23 = 391' }),
    __metadata("design:type", String)
], AgentChatResponseDto.prototype, "content", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'stop' }),
    __metadata("design:type", String)
], AgentChatResponseDto.prototype, "finishReason", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 2, description: 'Model calls made (tool rounds + the answer)' }),
    __metadata("design:type", Number)
], AgentChatResponseDto.prototype, "rounds", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: UsageDto }),
    __metadata("design:type", UsageDto)
], AgentChatResponseDto.prototype, "usage", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '0.000194', description: 'Decimal string' }),
    __metadata("design:type", String)
], AgentChatResponseDto.prototype, "cost", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'USD' }),
    __metadata("design:type", String)
], AgentChatResponseDto.prototype, "currency", void 0);
class AgentStatusDto {
    agentId;
    status;
    lastActiveAt;
    conversations24h;
    messages24h;
    promptTokens24h;
    completionTokens24h;
    requests24h;
}
exports.AgentStatusDto = AgentStatusDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '0b5c9f7e-2f6d-4a8e-9d1c-3e2f1a0b9c8d' }),
    __metadata("design:type", String)
], AgentStatusDto.prototype, "agentId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['active', 'paused', 'archived'], example: 'active' }),
    __metadata("design:type", String)
], AgentStatusDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T10:00:05.000Z', nullable: true, type: String }),
    __metadata("design:type", Object)
], AgentStatusDto.prototype, "lastActiveAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 12, description: 'Conversations started in the last 24 h' }),
    __metadata("design:type", Number)
], AgentStatusDto.prototype, "conversations24h", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 48, description: 'Messages stored in the last 24 h' }),
    __metadata("design:type", Number)
], AgentStatusDto.prototype, "messages24h", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 20412, description: 'Prompt tokens in the last 24 h' }),
    __metadata("design:type", Number)
], AgentStatusDto.prototype, "promptTokens24h", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 3120, description: 'Completion tokens in the last 24 h' }),
    __metadata("design:type", Number)
], AgentStatusDto.prototype, "completionTokens24h", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 57, description: 'Model requests in the last 24 h' }),
    __metadata("design:type", Number)
], AgentStatusDto.prototype, "requests24h", void 0);
class OpenAiMessageDto {
    role;
    content;
    name;
    tool_calls;
    tool_call_id;
    refusal;
}
exports.OpenAiMessageDto = OpenAiMessageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['system', 'developer', 'user', 'assistant', 'tool'], example: 'user' }),
    (0, class_validator_1.IsIn)(['system', 'developer', 'user', 'assistant', 'tool']),
    __metadata("design:type", String)
], OpenAiMessageDto.prototype, "role", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: 'Hello!',
        oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'object' } }],
        nullable: true,
    }),
    (0, class_validator_1.Allow)(),
    __metadata("design:type", Object)
], OpenAiMessageDto.prototype, "content", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'alice' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(64),
    __metadata("design:type", String)
], OpenAiMessageDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: 'array', items: { type: 'object' } }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsArray)(),
    __metadata("design:type", Array)
], OpenAiMessageDto.prototype, "tool_calls", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'call_1' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], OpenAiMessageDto.prototype, "tool_call_id", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Refusal text of an earlier assistant message' }),
    (0, class_validator_1.Allow)(),
    __metadata("design:type", Object)
], OpenAiMessageDto.prototype, "refusal", void 0);
class StreamOptionsDto {
    include_usage;
}
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: true }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], StreamOptionsDto.prototype, "include_usage", void 0);
class ChatCompletionRequestDto {
    model;
    messages;
    stream;
    stream_options;
    max_tokens;
    max_completion_tokens;
    temperature;
    top_p;
    n;
    user;
    tools;
    tool_choice;
    parallel_tool_calls;
    stop;
    presence_penalty;
    frequency_penalty;
    seed;
    response_format;
    logit_bias;
}
exports.ChatCompletionRequestDto = ChatCompletionRequestDto;
__decorate([
    (0, swagger_1.ApiProperty)({
        example: 'agent:billing-helper',
        description: '`agent:<slug>` or a model id from GET /v1/models',
    }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], ChatCompletionRequestDto.prototype, "model", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [OpenAiMessageDto] }),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(1000),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => OpenAiMessageDto),
    __metadata("design:type", Array)
], ChatCompletionRequestDto.prototype, "messages", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: false }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], ChatCompletionRequestDto.prototype, "stream", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: StreamOptionsDto }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => StreamOptionsDto),
    __metadata("design:type", StreamOptionsDto)
], ChatCompletionRequestDto.prototype, "stream_options", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 256 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Number)
], ChatCompletionRequestDto.prototype, "max_tokens", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 256 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Number)
], ChatCompletionRequestDto.prototype, "max_completion_tokens", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 0.7 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsNumber)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(2),
    __metadata("design:type", Number)
], ChatCompletionRequestDto.prototype, "temperature", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 1 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsNumber)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(1),
    __metadata("design:type", Number)
], ChatCompletionRequestDto.prototype, "top_p", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 1, description: 'Only 1 is supported' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(1),
    __metadata("design:type", Number)
], ChatCompletionRequestDto.prototype, "n", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: 'acme-corp',
        description: 'Billed customer (external id) unless X-Tollgate-Customer is sent',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], ChatCompletionRequestDto.prototype, "user", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: 'array',
        items: { type: 'object' },
        description: 'Client tools, passed through',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(128),
    __metadata("design:type", Array)
], ChatCompletionRequestDto.prototype, "tools", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ oneOf: [{ type: 'string' }, { type: 'object' }] }),
    (0, class_validator_1.Allow)(),
    __metadata("design:type", Object)
], ChatCompletionRequestDto.prototype, "tool_choice", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: true }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], ChatCompletionRequestDto.prototype, "parallel_tool_calls", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }),
    (0, class_validator_1.Allow)(),
    __metadata("design:type", Object)
], ChatCompletionRequestDto.prototype, "stop", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 0 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsNumber)(),
    (0, class_validator_1.Min)(-2),
    (0, class_validator_1.Max)(2),
    __metadata("design:type", Number)
], ChatCompletionRequestDto.prototype, "presence_penalty", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 0 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsNumber)(),
    (0, class_validator_1.Min)(-2),
    (0, class_validator_1.Max)(2),
    __metadata("design:type", Number)
], ChatCompletionRequestDto.prototype, "frequency_penalty", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 42 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    __metadata("design:type", Number)
], ChatCompletionRequestDto.prototype, "seed", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: 'object', additionalProperties: true }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsObject)(),
    __metadata("design:type", Object)
], ChatCompletionRequestDto.prototype, "response_format", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: 'object', additionalProperties: true }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsObject)(),
    __metadata("design:type", Object)
], ChatCompletionRequestDto.prototype, "logit_bias", void 0);
class ChatCompletionMessageDto {
    role;
    content;
    tool_calls;
}
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'assistant' }),
    __metadata("design:type", String)
], ChatCompletionMessageDto.prototype, "role", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Hello! How can I help?', nullable: true, type: String }),
    __metadata("design:type", Object)
], ChatCompletionMessageDto.prototype, "content", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: 'array', items: { type: 'object' } }),
    __metadata("design:type", Array)
], ChatCompletionMessageDto.prototype, "tool_calls", void 0);
class ChatCompletionChoiceDto {
    index;
    message;
    finish_reason;
}
__decorate([
    (0, swagger_1.ApiProperty)({ example: 0 }),
    __metadata("design:type", Number)
], ChatCompletionChoiceDto.prototype, "index", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: ChatCompletionMessageDto }),
    __metadata("design:type", ChatCompletionMessageDto)
], ChatCompletionChoiceDto.prototype, "message", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'stop' }),
    __metadata("design:type", String)
], ChatCompletionChoiceDto.prototype, "finish_reason", void 0);
class CompletionUsageDto {
    prompt_tokens;
    completion_tokens;
    total_tokens;
}
__decorate([
    (0, swagger_1.ApiProperty)({ example: 12 }),
    __metadata("design:type", Number)
], CompletionUsageDto.prototype, "prompt_tokens", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 8 }),
    __metadata("design:type", Number)
], CompletionUsageDto.prototype, "completion_tokens", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 20 }),
    __metadata("design:type", Number)
], CompletionUsageDto.prototype, "total_tokens", void 0);
class ChatCompletionDto {
    id;
    object;
    created;
    model;
    choices;
    usage;
}
exports.ChatCompletionDto = ChatCompletionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'chatcmpl-123' }),
    __metadata("design:type", String)
], ChatCompletionDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'chat.completion' }),
    __metadata("design:type", String)
], ChatCompletionDto.prototype, "object", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 1732270000 }),
    __metadata("design:type", Number)
], ChatCompletionDto.prototype, "created", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'agent:billing-helper' }),
    __metadata("design:type", String)
], ChatCompletionDto.prototype, "model", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [ChatCompletionChoiceDto] }),
    __metadata("design:type", Array)
], ChatCompletionDto.prototype, "choices", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: CompletionUsageDto }),
    __metadata("design:type", CompletionUsageDto)
], ChatCompletionDto.prototype, "usage", void 0);
class ModelDto {
    id;
    object;
    created;
    owned_by;
}
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'agent:billing-helper' }),
    __metadata("design:type", String)
], ModelDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'model' }),
    __metadata("design:type", String)
], ModelDto.prototype, "object", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 1732270000 }),
    __metadata("design:type", Number)
], ModelDto.prototype, "created", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'tollgate' }),
    __metadata("design:type", String)
], ModelDto.prototype, "owned_by", void 0);
class ModelListDto {
    object;
    data;
}
exports.ModelListDto = ModelListDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'list' }),
    __metadata("design:type", String)
], ModelListDto.prototype, "object", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [ModelDto] }),
    __metadata("design:type", Array)
], ModelListDto.prototype, "data", void 0);
//# sourceMappingURL=chat.dto.js.map