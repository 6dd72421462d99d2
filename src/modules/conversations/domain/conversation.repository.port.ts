import { TenantId } from '../../../shared/domain/tenant-id';
import { ConversationLog, Message, Turn } from '../../../shared/contracts/conversations';
import { Conversation } from './conversation';

export interface ConversationPage {
  items: Conversation[];
  nextCursor: string | null;
}

export interface MessagePage {
  items: Message[];
  nextCursor: string | null;
}

export type { Turn };

/** Chat's ConversationLog (find, recentMessages, appendTurn) plus what Conversations' own routes need. */
export abstract class ConversationRepository extends ConversationLog {
  /** null when missing, deleted, or another tenant's. */
  abstract override find(tenantId: TenantId, id: string): Promise<Conversation | null>;
  abstract list(
    tenantId: TenantId,
    filter: { agentId?: string; externalUserId?: string; limit: number; cursor?: string },
  ): Promise<ConversationPage>;
  /** Oldest first, after the cursor. */
  abstract messages(
    tenantId: TenantId,
    conversationId: string,
    page: { limit: number; cursor?: string },
  ): Promise<MessagePage>;
  /** Returns false when not found. */
  abstract rename(tenantId: TenantId, id: string, title: string): Promise<boolean>;
  abstract softDelete(tenantId: TenantId, id: string, at: Date): Promise<boolean>;
  /** Retention (all tenants): hard-deletes up to `batch` conversations soft-deleted before `cutoff`. */
  abstract purgeDeleted(cutoff: Date, batch: number): Promise<number>;
}
