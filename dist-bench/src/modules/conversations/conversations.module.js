"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConversationsModule = void 0;
const common_1 = require("@nestjs/common");
const conversation_repository_port_1 = require("./domain/conversation.repository.port");
const typeorm_conversation_repository_1 = require("./adapters/typeorm-conversation.repository");
const conversations_controller_1 = require("./adapters/conversations.controller");
const rename_conversation_use_case_1 = require("./application/rename-conversation.use-case");
const delete_conversation_use_case_1 = require("./application/delete-conversation.use-case");
const purge_deleted_conversations_use_case_1 = require("./application/purge-deleted-conversations.use-case");
let ConversationsModule = class ConversationsModule {
};
exports.ConversationsModule = ConversationsModule;
exports.ConversationsModule = ConversationsModule = __decorate([
    (0, common_1.Module)({
        controllers: [conversations_controller_1.ConversationsController],
        providers: [
            { provide: conversation_repository_port_1.ConversationRepository, useClass: typeorm_conversation_repository_1.SqlConversationRepository },
            rename_conversation_use_case_1.RenameConversation,
            delete_conversation_use_case_1.DeleteConversation,
            purge_deleted_conversations_use_case_1.PurgeDeletedConversations,
        ],
        exports: [conversation_repository_port_1.ConversationRepository, purge_deleted_conversations_use_case_1.PurgeDeletedConversations],
    })
], ConversationsModule);
//# sourceMappingURL=conversations.module.js.map