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
exports.PurgeDeletedConversations = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../../config/app-config");
const clock_port_1 = require("../../../shared/domain/clock.port");
const conversation_repository_port_1 = require("../domain/conversation.repository.port");
const BATCH = 1000;
let PurgeDeletedConversations = class PurgeDeletedConversations {
    conversations;
    config;
    clock;
    constructor(conversations, config, clock) {
        this.conversations = conversations;
        this.config = config;
        this.clock = clock;
    }
    async execute() {
        const days = this.config.chat.conversationRetentionDays;
        const cutoff = new Date(this.clock.now().getTime() - days * 24 * 3600 * 1000);
        let total = 0;
        for (;;) {
            const purged = await this.conversations.purgeDeleted(cutoff, BATCH);
            total += purged;
            if (purged < BATCH)
                return total;
        }
    }
};
exports.PurgeDeletedConversations = PurgeDeletedConversations;
exports.PurgeDeletedConversations = PurgeDeletedConversations = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [conversation_repository_port_1.ConversationRepository,
        app_config_1.AppConfig,
        clock_port_1.Clock])
], PurgeDeletedConversations);
//# sourceMappingURL=purge-deleted-conversations.use-case.js.map