import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { BullModule, InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { ConversationsModule } from '../conversations.module';
import { PurgeDeletedConversations } from '../application/purge-deleted-conversations.use-case';

export const RETENTION_QUEUE = 'conversation-retention';

@Processor(RETENTION_QUEUE)
export class ConversationRetentionProcessor extends WorkerHost {
  constructor(private readonly purge: PurgeDeletedConversations) {
    super();
  }
  async process(): Promise<{ purged: number }> {
    return { purged: await this.purge.execute() };
  }
}

/** One hourly scheduler for the whole deployment (upsert is idempotent across replicas). */
@Injectable()
export class ConversationRetentionScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(RETENTION_QUEUE) private readonly queue: Queue) {}
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('purge-deleted', { every: 3600_000 }, { name: 'purge-deleted' });
  }
}

@Module({
  imports: [ConversationsModule, BullModule.registerQueue({ name: RETENTION_QUEUE })],
  providers: [ConversationRetentionProcessor, ConversationRetentionScheduler],
})
export class ConversationsWorkersModule {}
