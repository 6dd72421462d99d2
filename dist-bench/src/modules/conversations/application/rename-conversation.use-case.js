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
exports.RenameConversation = void 0;
const common_1 = require("@nestjs/common");
const domain_error_1 = require("../../../shared/domain/domain-error");
const conversation_repository_port_1 = require("../domain/conversation.repository.port");
let RenameConversation = class RenameConversation {
    conversations;
    constructor(conversations) {
        this.conversations = conversations;
    }
    async execute(tenantId, id, title) {
        const renamed = await this.conversations.rename(tenantId, id, title.replace(/\s+/g, ' ').trim());
        const conversation = renamed && (await this.conversations.find(tenantId, id));
        if (!conversation)
            throw new domain_error_1.NotFoundError('Conversation', id);
        return conversation;
    }
};
exports.RenameConversation = RenameConversation;
exports.RenameConversation = RenameConversation = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [conversation_repository_port_1.ConversationRepository])
], RenameConversation);
//# sourceMappingURL=rename-conversation.use-case.js.map