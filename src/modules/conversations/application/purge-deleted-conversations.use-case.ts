import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/domain/clock.port';
import { ConversationRepository } from '../domain/conversation.repository.port';

const BATCH = 1000;

/** Retention: hard-deletes conversations (and their messages) soft-deleted more than N days ago. */
@Injectable()
export class PurgeDeletedConversations {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<number> {
    const days = this.config.chat.conversationRetentionDays;
    const cutoff = new Date(this.clock.now().getTime() - days * 24 * 3600 * 1000);
    let total = 0;
    for (;;) {
      const purged = await this.conversations.purgeDeleted(cutoff, BATCH);
      total += purged;
      if (purged < BATCH) return total;
    }
  }
}
