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
exports.ConversationWithMessagesDto = exports.MessagePageDto = exports.MessageDto = exports.ToolCallDto = exports.ConversationPageDto = exports.ConversationDto = exports.RenameConversationDto = exports.MessagesQuery = exports.ListConversationsQuery = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const pagination_dto_1 = require("../../../shared/http/pagination.dto");
const class_validator_1 = require("class-validator");
class ListConversationsQuery extends pagination_dto_1.CursorPageQuery {
    agentId;
    externalUserId;
}
exports.ListConversationsQuery = ListConversationsQuery;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '0b5c9f7e-2f6d-4a8e-9d1c-3e2f1a0b9c8d' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], ListConversationsQuery.prototype, "agentId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'end-user-42', description: "The end user's id in the tenant's product" }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], ListConversationsQuery.prototype, "externalUserId", void 0);
class MessagesQuery {
    limit;
    cursor;
}
exports.MessagesQuery = MessagesQuery;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 50, minimum: 1, maximum: 200 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(200),
    __metadata("design:type", Number)
], MessagesQuery.prototype, "limit", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'messages.nextCursor of the previous page' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(40),
    __metadata("design:type", String)
], MessagesQuery.prototype, "cursor", void 0);
class RenameConversationDto {
    title;
}
exports.RenameConversationDto = RenameConversationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Refund for order 1042' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], RenameConversationDto.prototype, "title", void 0);
class ConversationDto {
    id;
    agentId;
    externalUserId;
    title;
    messageCount;
    promptTokens;
    completionTokens;
    lastMessageAt;
    createdAt;
    updatedAt;
    static of(c) {
        const { tenantId: _t, lastMessageAt, createdAt, updatedAt, ...rest } = c;
        return {
            ...rest,
            lastMessageAt: lastMessageAt?.toISOString() ?? null,
            createdAt: createdAt.toISOString(),
            updatedAt: updatedAt.toISOString(),
        };
    }
}
exports.ConversationDto = ConversationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '6a2d3c1e-5b4f-4e8d-9c7b-1a0f2e3d4c5b' }),
    __metadata("design:type", String)
], ConversationDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '0b5c9f7e-2f6d-4a8e-9d1c-3e2f1a0b9c8d' }),
    __metadata("design:type", String)
], ConversationDto.prototype, "agentId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'end-user-42', nullable: true, type: String }),
    __metadata("design:type", Object)
], ConversationDto.prototype, "externalUserId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'How do I get a refund?' }),
    __metadata("design:type", String)
], ConversationDto.prototype, "title", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 4 }),
    __metadata("design:type", Number)
], ConversationDto.prototype, "messageCount", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 812 }),
    __metadata("design:type", Number)
], ConversationDto.prototype, "promptTokens", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 120 }),
    __metadata("design:type", Number)
], ConversationDto.prototype, "completionTokens", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T10:00:05.000Z', nullable: true, type: String }),
    __metadata("design:type", Object)
], ConversationDto.prototype, "lastMessageAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T10:00:00.000Z' }),
    __metadata("design:type", String)
], ConversationDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T10:00:05.000Z' }),
    __metadata("design:type", String)
], ConversationDto.prototype, "updatedAt", void 0);
class ConversationPageDto {
    items;
    nextCursor;
}
exports.ConversationPageDto = ConversationPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [ConversationDto] }),
    __metadata("design:type", Array)
], ConversationPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String }),
    __metadata("design:type", Object)
], ConversationPageDto.prototype, "nextCursor", void 0);
class ToolCallDto {
    id;
    name;
    arguments;
}
exports.ToolCallDto = ToolCallDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'call_1' }),
    __metadata("design:type", String)
], ToolCallDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'calculator' }),
    __metadata("design:type", String)
], ToolCallDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '{"expression":"2+2"}' }),
    __metadata("design:type", String)
], ToolCallDto.prototype, "arguments", void 0);
class MessageDto {
    id;
    role;
    content;
    toolCalls;
    toolCallId;
    promptTokens;
    completionTokens;
    createdAt;
    static of(m) {
        const { seq: _s, createdAt, ...rest } = m;
        return { ...rest, createdAt: createdAt.toISOString() };
    }
}
exports.MessageDto = MessageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f' }),
    __metadata("design:type", String)
], MessageDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['user', 'assistant', 'tool'], example: 'user' }),
    __metadata("design:type", String)
], MessageDto.prototype, "role", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'How do I get a refund?' }),
    __metadata("design:type", String)
], MessageDto.prototype, "content", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [ToolCallDto], nullable: true }),
    __metadata("design:type", Object)
], MessageDto.prototype, "toolCalls", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String }),
    __metadata("design:type", Object)
], MessageDto.prototype, "toolCallId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 0 }),
    __metadata("design:type", Number)
], MessageDto.prototype, "promptTokens", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 0 }),
    __metadata("design:type", Number)
], MessageDto.prototype, "completionTokens", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T10:00:00.000Z' }),
    __metadata("design:type", String)
], MessageDto.prototype, "createdAt", void 0);
class MessagePageDto {
    items;
    nextCursor;
}
exports.MessagePageDto = MessagePageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [MessageDto] }),
    __metadata("design:type", Array)
], MessagePageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String }),
    __metadata("design:type", Object)
], MessagePageDto.prototype, "nextCursor", void 0);
class ConversationWithMessagesDto extends ConversationDto {
    messages;
}
exports.ConversationWithMessagesDto = ConversationWithMessagesDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: MessagePageDto }),
    __metadata("design:type", MessagePageDto)
], ConversationWithMessagesDto.prototype, "messages", void 0);
//# sourceMappingURL=conversations.dto.js.map