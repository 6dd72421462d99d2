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
exports.ConversationsWorkersModule = exports.ConversationRetentionScheduler = exports.ConversationRetentionProcessor = exports.RETENTION_QUEUE = void 0;
const common_1 = require("@nestjs/common");
const bullmq_1 = require("@nestjs/bullmq");
const bullmq_2 = require("bullmq");
const conversations_module_1 = require("../conversations.module");
const purge_deleted_conversations_use_case_1 = require("../application/purge-deleted-conversations.use-case");
exports.RETENTION_QUEUE = 'conversation-retention';
let ConversationRetentionProcessor = class ConversationRetentionProcessor extends bullmq_1.WorkerHost {
    purge;
    constructor(purge) {
        super();
        this.purge = purge;
    }
    async process() {
        return { purged: await this.purge.execute() };
    }
};
exports.ConversationRetentionProcessor = ConversationRetentionProcessor;
exports.ConversationRetentionProcessor = ConversationRetentionProcessor = __decorate([
    (0, bullmq_1.Processor)(exports.RETENTION_QUEUE),
    __metadata("design:paramtypes", [purge_deleted_conversations_use_case_1.PurgeDeletedConversations])
], ConversationRetentionProcessor);
let ConversationRetentionScheduler = class ConversationRetentionScheduler {
    queue;
    constructor(queue) {
        this.queue = queue;
    }
    async onApplicationBootstrap() {
        await this.queue.upsertJobScheduler('purge-deleted', { every: 3600_000 }, { name: 'purge-deleted' });
    }
};
exports.ConversationRetentionScheduler = ConversationRetentionScheduler;
exports.ConversationRetentionScheduler = ConversationRetentionScheduler = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, bullmq_1.InjectQueue)(exports.RETENTION_QUEUE)),
    __metadata("design:paramtypes", [bullmq_2.Queue])
], ConversationRetentionScheduler);
let ConversationsWorkersModule = class ConversationsWorkersModule {
};
exports.ConversationsWorkersModule = ConversationsWorkersModule;
exports.ConversationsWorkersModule = ConversationsWorkersModule = __decorate([
    (0, common_1.Module)({
        imports: [conversations_module_1.ConversationsModule, bullmq_1.BullModule.registerQueue({ name: exports.RETENTION_QUEUE })],
        providers: [ConversationRetentionProcessor, ConversationRetentionScheduler],
    })
], ConversationsWorkersModule);
//# sourceMappingURL=conversations-workers.module.js.map