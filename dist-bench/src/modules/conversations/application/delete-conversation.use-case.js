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
exports.DeleteConversation = void 0;
const common_1 = require("@nestjs/common");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const conversation_repository_port_1 = require("../domain/conversation.repository.port");
let DeleteConversation = class DeleteConversation {
    conversations;
    clock;
    constructor(conversations, clock) {
        this.conversations = conversations;
        this.clock = clock;
    }
    async execute(tenantId, id) {
        if (!(await this.conversations.softDelete(tenantId, id, this.clock.now())))
            throw new domain_error_1.NotFoundError('Conversation', id);
    }
};
exports.DeleteConversation = DeleteConversation;
exports.DeleteConversation = DeleteConversation = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [conversation_repository_port_1.ConversationRepository,
        clock_port_1.Clock])
], DeleteConversation);
//# sourceMappingURL=delete-conversation.use-case.js.map