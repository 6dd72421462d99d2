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
exports.ConversationsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../../../shared/http/auth.decorators");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const conversation_repository_port_1 = require("../domain/conversation.repository.port");
const rename_conversation_use_case_1 = require("../application/rename-conversation.use-case");
const delete_conversation_use_case_1 = require("../application/delete-conversation.use-case");
const conversations_dto_1 = require("./conversations.dto");
const conversationId = (id) => {
    if (!(0, ids_1.isUuid)(id))
        throw new domain_error_1.NotFoundError('Conversation', id);
    return id;
};
let ConversationsController = class ConversationsController {
    conversations;
    renameConversation;
    deleteConversation;
    constructor(conversations, renameConversation, deleteConversation) {
        this.conversations = conversations;
        this.renameConversation = renameConversation;
        this.deleteConversation = deleteConversation;
    }
    async list(tenantId, query) {
        const page = await this.conversations.list(tenantId, { ...query, limit: query.limit ?? 20 });
        return { items: page.items.map(conversations_dto_1.ConversationDto.of), nextCursor: page.nextCursor };
    }
    async get(tenantId, id, query) {
        const conversation = await this.conversations.find(tenantId, conversationId(id));
        if (!conversation)
            throw new domain_error_1.NotFoundError('Conversation', id);
        const page = await this.conversations.messages(tenantId, id, {
            limit: query.limit ?? 50,
            cursor: query.cursor,
        });
        return {
            ...conversations_dto_1.ConversationDto.of(conversation),
            messages: { items: page.items.map(conversations_dto_1.MessageDto.of), nextCursor: page.nextCursor },
        };
    }
    async rename(tenantId, id, body) {
        return conversations_dto_1.ConversationDto.of(await this.renameConversation.execute(tenantId, conversationId(id), body.title));
    }
    async remove(tenantId, id) {
        await this.deleteConversation.execute(tenantId, conversationId(id));
    }
};
exports.ConversationsController = ConversationsController;
__decorate([
    (0, common_1.Get)(),
    (0, auth_decorators_1.Scopes)('conversations:read'),
    (0, swagger_1.ApiOperation)({ summary: 'List conversations, newest first (filter by agent or external user)' }),
    (0, swagger_1.ApiOkResponse)({ type: conversations_dto_1.ConversationPageDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, conversations_dto_1.ListConversationsQuery]),
    __metadata("design:returntype", Promise)
], ConversationsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, auth_decorators_1.Scopes)('conversations:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Get a conversation with a page of its messages (oldest first)' }),
    (0, swagger_1.ApiOkResponse)({ type: conversations_dto_1.ConversationWithMessagesDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, conversations_dto_1.MessagesQuery]),
    __metadata("design:returntype", Promise)
], ConversationsController.prototype, "get", null);
__decorate([
    (0, common_1.Patch)(':id'),
    (0, auth_decorators_1.Scopes)('conversations:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Rename a conversation' }),
    (0, swagger_1.ApiOkResponse)({ type: conversations_dto_1.ConversationDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, conversations_dto_1.RenameConversationDto]),
    __metadata("design:returntype", Promise)
], ConversationsController.prototype, "rename", null);
__decorate([
    (0, common_1.Delete)(':id'),
    (0, common_1.HttpCode)(204),
    (0, auth_decorators_1.Scopes)('conversations:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Delete a conversation (hidden now, purged after the retention period)' }),
    (0, swagger_1.ApiNoContentResponse)({ description: 'Deleted' }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], ConversationsController.prototype, "remove", null);
exports.ConversationsController = ConversationsController = __decorate([
    (0, swagger_1.ApiTags)('conversations'),
    (0, common_1.Controller)('api/v1/conversations'),
    __metadata("design:paramtypes", [conversation_repository_port_1.ConversationRepository,
        rename_conversation_use_case_1.RenameConversation,
        delete_conversation_use_case_1.DeleteConversation])
], ConversationsController);
//# sourceMappingURL=conversations.controller.js.map