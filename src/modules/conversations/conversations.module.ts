import { Module } from '@nestjs/common';
import { ConversationLog } from '../../shared/contracts/conversations';
import { ConversationRepository } from './domain/conversation.repository.port';
import { SqlConversationRepository } from './adapters/typeorm-conversation.repository';
import { ConversationsController } from './adapters/conversations.controller';
import { RenameConversation } from './application/rename-conversation.use-case';
import { DeleteConversation } from './application/delete-conversation.use-case';
import { PurgeDeletedConversations } from './application/purge-deleted-conversations.use-case';

/** Conversations: history of agent chats (docs/modules/conversations.md). Chat writes turns through ConversationLog. */
@Module({
  controllers: [ConversationsController],
  providers: [
    { provide: ConversationRepository, useClass: SqlConversationRepository },
    { provide: ConversationLog, useExisting: ConversationRepository },
    RenameConversation,
    DeleteConversation,
    PurgeDeletedConversations,
  ],
  exports: [ConversationLog, PurgeDeletedConversations],
})
export class ConversationsModule {}
