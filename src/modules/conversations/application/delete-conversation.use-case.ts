import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock.port';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { ConversationRepository } from '../domain/conversation.repository.port';

/** Soft delete: hidden at once, hard-deleted by the retention job after CONVERSATION_RETENTION_DAYS. */
@Injectable()
export class DeleteConversation {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tenantId: TenantId, id: string): Promise<void> {
    if (!(await this.conversations.softDelete(tenantId, id, this.clock.now())))
      throw new NotFoundError('Conversation', id);
  }
}
