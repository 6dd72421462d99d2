"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChatModule = void 0;
const common_1 = require("@nestjs/common");
const conversations_module_1 = require("../conversations/conversations.module");
const llm_provider_port_1 = require("./domain/llm-provider.port");
const limits_port_1 = require("./domain/limits.port");
const usage_record_1 = require("./domain/usage-record");
const agent_activity_port_1 = require("./domain/agent-activity.port");
const openai_llm_provider_1 = require("./adapters/openai-llm-provider");
const chat_redis_1 = require("./adapters/chat-redis");
const redis_rate_limiter_1 = require("./adapters/redis-rate-limiter");
const redis_spend_guard_1 = require("./adapters/redis-spend-guard");
const redis_usage_buffer_1 = require("./adapters/redis-usage-buffer");
const sql_usage_store_1 = require("./adapters/sql-usage-store");
const sql_agent_activity_reader_1 = require("./adapters/sql-agent-activity.reader");
const agent_chat_controller_1 = require("./adapters/agent-chat.controller");
const openai_compat_controller_1 = require("./adapters/openai-compat.controller");
const call_model_1 = require("./application/call-model");
const chat_metering_1 = require("./application/chat-metering");
const chat_with_agent_use_case_1 = require("./application/chat-with-agent.use-case");
const complete_chat_use_case_1 = require("./application/complete-chat.use-case");
const store_usage_records_use_case_1 = require("./application/store-usage-records.use-case");
let ChatModule = class ChatModule {
};
exports.ChatModule = ChatModule;
exports.ChatModule = ChatModule = __decorate([
    (0, common_1.Module)({
        imports: [conversations_module_1.ConversationsModule],
        controllers: [agent_chat_controller_1.AgentChatController, openai_compat_controller_1.OpenAiCompatController],
        providers: [
            chat_redis_1.chatRedisProvider,
            chat_redis_1.ChatRedisShutdown,
            { provide: llm_provider_port_1.LlmProvider, useClass: openai_llm_provider_1.OpenAiLlmProvider },
            { provide: limits_port_1.RateLimiter, useClass: redis_rate_limiter_1.RedisRateLimiter },
            { provide: limits_port_1.SpendGuard, useClass: redis_spend_guard_1.RedisSpendGuard },
            { provide: usage_record_1.UsageBuffer, useClass: redis_usage_buffer_1.RedisUsageBuffer },
            { provide: usage_record_1.UsageStore, useClass: sql_usage_store_1.SqlUsageStore },
            { provide: agent_activity_port_1.AgentActivityReader, useClass: sql_agent_activity_reader_1.SqlAgentActivityReader },
            call_model_1.CallModel,
            chat_metering_1.ChatMetering,
            chat_with_agent_use_case_1.ChatWithAgent,
            complete_chat_use_case_1.CompleteChat,
            store_usage_records_use_case_1.StoreUsageRecords,
        ],
        exports: [store_usage_records_use_case_1.StoreUsageRecords],
    })
], ChatModule);
//# sourceMappingURL=chat.module.js.map