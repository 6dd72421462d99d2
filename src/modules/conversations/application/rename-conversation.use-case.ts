import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Conversation } from '../domain/conversation';
import { ConversationRepository } from '../domain/conversation.repository.port';

@Injectable()
export class RenameConversation {
  constructor(private readonly conversations: ConversationRepository) {}

  async execute(tenantId: TenantId, id: string, title: string): Promise<Conversation> {
    const renamed = await this.conversations.rename(tenantId, id, title.replace(/\s+/g, ' ').trim());
    const conversation = renamed && (await this.conversations.find(tenantId, id));
    if (!conversation) throw new NotFoundError('Conversation', id);
    return conversation;
  }
}
