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
exports.ToolListDto = exports.ToolDto = exports.AgentPageDto = exports.AgentDto = exports.ListAgentsQuery = exports.UpdateAgentDto = exports.CreateAgentDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const pagination_dto_1 = require("../../../shared/http/pagination.dto");
const class_validator_1 = require("class-validator");
const agent_1 = require("../domain/agent");
const SLUG_RE = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const nullOrPresent = (_, v) => v !== null && v !== undefined;
class AgentFieldsDto {
    description;
    provider;
    instructions;
    temperature;
    topP;
    maxTokens;
    tools;
    billingPlanId;
    externalId;
    metadata;
}
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'Support agent for billing questions' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(2000),
    __metadata("design:type", String)
], AgentFieldsDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: 'default',
        description: 'Named provider from config; `default` = OPENAI_BASE_URL',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(40),
    __metadata("design:type", String)
], AgentFieldsDto.prototype, "provider", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'You are a helpful support agent. Answer briefly.' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(32000),
    __metadata("design:type", String)
], AgentFieldsDto.prototype, "instructions", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 0.2, nullable: true, minimum: 0, maximum: 2 }),
    (0, class_validator_1.ValidateIf)(nullOrPresent),
    (0, class_validator_1.IsNumber)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(2),
    __metadata("design:type", Object)
], AgentFieldsDto.prototype, "temperature", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 1, nullable: true, minimum: 0, maximum: 1 }),
    (0, class_validator_1.ValidateIf)(nullOrPresent),
    (0, class_validator_1.IsNumber)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(1),
    __metadata("design:type", Object)
], AgentFieldsDto.prototype, "topP", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 512, nullable: true, description: 'Completion token cap per model call' }),
    (0, class_validator_1.ValidateIf)(nullOrPresent),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], AgentFieldsDto.prototype, "maxTokens", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: ['calculator', 'current_time'], type: [String] }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(20),
    (0, class_validator_1.IsString)({ each: true }),
    __metadata("design:type", Array)
], AgentFieldsDto.prototype, "tools", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '6f1c2a9e-3b7d-4c1e-9a43-0f3f2f6f7a10', nullable: true }),
    (0, class_validator_1.ValidateIf)(nullOrPresent),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", Object)
], AgentFieldsDto.prototype, "billingPlanId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'crm-agent-42', nullable: true, description: "The customer's own id" }),
    (0, class_validator_1.ValidateIf)(nullOrPresent),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", Object)
], AgentFieldsDto.prototype, "externalId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: { team: 'support' }, description: 'Free JSON, at most 8 KiB' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsObject)(),
    __metadata("design:type", Object)
], AgentFieldsDto.prototype, "metadata", void 0);
class CreateAgentDto extends AgentFieldsDto {
    name;
    slug;
    model;
    status;
}
exports.CreateAgentDto = CreateAgentDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Billing helper' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateAgentDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'billing-helper', description: 'Unique in the organization: [a-z0-9_-], up to 63' }),
    (0, class_validator_1.Matches)(SLUG_RE, { message: 'slug must be 1-63 of a-z, 0-9, _ and -, starting with a letter or digit' }),
    __metadata("design:type", String)
], CreateAgentDto.prototype, "slug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'gpt-4o-mini', description: 'Provider model id; must be in the price table' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateAgentDto.prototype, "model", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: agent_1.AGENT_STATUSES, example: 'active' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(agent_1.AGENT_STATUSES),
    __metadata("design:type", String)
], CreateAgentDto.prototype, "status", void 0);
class UpdateAgentDto extends AgentFieldsDto {
    name;
    slug;
    model;
    status;
}
exports.UpdateAgentDto = UpdateAgentDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'Billing helper v2' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], UpdateAgentDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'billing-helper' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(SLUG_RE, { message: 'slug must be 1-63 of a-z, 0-9, _ and -, starting with a letter or digit' }),
    __metadata("design:type", String)
], UpdateAgentDto.prototype, "slug", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'gpt-4o' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], UpdateAgentDto.prototype, "model", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: agent_1.AGENT_STATUSES, example: 'paused' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(agent_1.AGENT_STATUSES),
    __metadata("design:type", String)
], UpdateAgentDto.prototype, "status", void 0);
class ListAgentsQuery extends pagination_dto_1.CursorPageQuery {
    status;
}
exports.ListAgentsQuery = ListAgentsQuery;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: agent_1.AGENT_STATUSES }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(agent_1.AGENT_STATUSES),
    __metadata("design:type", String)
], ListAgentsQuery.prototype, "status", void 0);
class AgentDto {
    id;
    name;
    slug;
    description;
    provider;
    model;
    instructions;
    temperature;
    topP;
    maxTokens;
    tools;
    billingPlanId;
    externalId;
    status;
    metadata;
    createdAt;
    updatedAt;
    static of(agent) {
        const { tenantId: _t, createdAt, updatedAt, ...rest } = agent;
        return { ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
    }
}
exports.AgentDto = AgentDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '0b5c9f7e-2f6d-4a8e-9d1c-3e2f1a0b9c8d' }),
    __metadata("design:type", String)
], AgentDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Billing helper' }),
    __metadata("design:type", String)
], AgentDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'billing-helper' }),
    __metadata("design:type", String)
], AgentDto.prototype, "slug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Support agent for billing questions' }),
    __metadata("design:type", String)
], AgentDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'default' }),
    __metadata("design:type", String)
], AgentDto.prototype, "provider", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'gpt-4o-mini' }),
    __metadata("design:type", String)
], AgentDto.prototype, "model", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'You are a helpful support agent.' }),
    __metadata("design:type", String)
], AgentDto.prototype, "instructions", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 0.2, nullable: true, type: Number }),
    __metadata("design:type", Object)
], AgentDto.prototype, "temperature", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: Number }),
    __metadata("design:type", Object)
], AgentDto.prototype, "topP", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 512, nullable: true, type: Number }),
    __metadata("design:type", Object)
], AgentDto.prototype, "maxTokens", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: ['calculator'], type: [String] }),
    __metadata("design:type", Array)
], AgentDto.prototype, "tools", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String }),
    __metadata("design:type", Object)
], AgentDto.prototype, "billingPlanId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'crm-agent-42', nullable: true, type: String }),
    __metadata("design:type", Object)
], AgentDto.prototype, "externalId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: agent_1.AGENT_STATUSES, example: 'active' }),
    __metadata("design:type", String)
], AgentDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: { team: 'support' }, type: Object }),
    __metadata("design:type", Object)
], AgentDto.prototype, "metadata", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T10:00:00.000Z' }),
    __metadata("design:type", String)
], AgentDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T10:00:00.000Z' }),
    __metadata("design:type", String)
], AgentDto.prototype, "updatedAt", void 0);
class AgentPageDto {
    items;
    nextCursor;
}
exports.AgentPageDto = AgentPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [AgentDto] }),
    __metadata("design:type", Array)
], AgentPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String }),
    __metadata("design:type", Object)
], AgentPageDto.prototype, "nextCursor", void 0);
class ToolDto {
    name;
    description;
    parameters;
    available;
}
exports.ToolDto = ToolDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'calculator' }),
    __metadata("design:type", String)
], ToolDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Evaluates an arithmetic expression' }),
    __metadata("design:type", String)
], ToolDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: { type: 'object', properties: { expression: { type: 'string' } } }, type: Object }),
    __metadata("design:type", Object)
], ToolDto.prototype, "parameters", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        example: true,
        description: 'false when not configured here (e.g. web_search without a key)',
    }),
    __metadata("design:type", Boolean)
], ToolDto.prototype, "available", void 0);
class ToolListDto {
    items;
}
exports.ToolListDto = ToolListDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [ToolDto] }),
    __metadata("design:type", Array)
], ToolListDto.prototype, "items", void 0);
//# sourceMappingURL=agents.dto.js.map