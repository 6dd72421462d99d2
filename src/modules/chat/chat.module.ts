import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module';
import { LlmProvider, PassthroughLlmProvider } from './domain/llm-provider.port';
import { RateLimiter, SpendGuard } from './domain/limits.port';
import { UsageBuffer, UsageSpool, UsageStore } from './domain/usage-record';
import { AgentActivityReader } from './domain/agent-activity.port';
import { OpenAiLlmProvider } from './adapters/openai-llm-provider';
import { OpenAiHttpProvider } from './adapters/openai-http-provider';
import { RedisRateLimiter } from './adapters/redis-rate-limiter';
import { RedisSpendGuard } from './adapters/redis-spend-guard';
import { RedisUsageBuffer } from './adapters/redis-usage-buffer';
import { SqlUsageStore } from './adapters/sql-usage-store';
import { FileUsageSpool } from './adapters/file-usage-spool';
import { UsageSpoolScheduler } from './adapters/usage-spool.scheduler';
import { SqlAgentActivityReader } from './adapters/sql-agent-activity.reader';
import { AgentChatController } from './adapters/agent-chat.controller';
import { OpenAiCompatController } from './adapters/openai-compat.controller';
import { CallModel } from './application/call-model';
import { ChatMetering } from './application/chat-metering';
import { ChatWithAgent } from './application/chat-with-agent.use-case';
import { CompleteChat } from './application/complete-chat.use-case';
import { StoreUsageRecords } from './application/store-usage-records.use-case';
import { SettleSpend } from './application/settle-spend';
import { ReplayUsageSpool } from './application/replay-usage-spool.use-case';
import { ReconcileStaleReservations } from './application/reconcile-stale-reservations.use-case';
import { AgentsModule } from '../agents/agents.module';
import { BillingModule } from '../billing/billing.module';
import { WebhooksModule } from '../webhooks/webhooks.module';

/** Chat: the metered gateway to the model providers (docs/modules/chat.md). */
@Module({
  imports: [AgentsModule, BillingModule, WebhooksModule, ConversationsModule],
  controllers: [AgentChatController, OpenAiCompatController],
  providers: [
    { provide: LlmProvider, useClass: OpenAiLlmProvider },
    { provide: PassthroughLlmProvider, useClass: OpenAiHttpProvider },
    { provide: RateLimiter, useClass: RedisRateLimiter },
    { provide: SpendGuard, useClass: RedisSpendGuard },
    { provide: UsageBuffer, useClass: RedisUsageBuffer },
    { provide: UsageStore, useClass: SqlUsageStore },
    { provide: UsageSpool, useClass: FileUsageSpool },
    { provide: AgentActivityReader, useClass: SqlAgentActivityReader },
    CallModel,
    ChatMetering,
    ChatWithAgent,
    CompleteChat,
    StoreUsageRecords,
    SettleSpend,
    ReplayUsageSpool,
    ReconcileStaleReservations,
    UsageSpoolScheduler,
  ],
  exports: [StoreUsageRecords, ReconcileStaleReservations],
})
export class ChatModule {}
