import { TenantId } from '../../../shared/domain/tenant-id';
import { Conversation, Message, NewMessage } from './conversation';

export interface ConversationPage {
  items: Conversation[];
  nextCursor: string | null;
}

export interface MessagePage {
  items: Message[];
  nextCursor: string | null;
}

/** One chat turn: the conversation (created when new) and the messages it added, written together. */
export interface Turn {
  tenantId: TenantId;
  conversation: Pick<Conversation, 'id' | 'agentId' | 'externalUserId' | 'title' | 'createdAt'>;
  messages: NewMessage[];
  promptTokens: number;
  completionTokens: number;
  at: Date;
}

export abstract class ConversationRepository {
  /** null when missing, deleted, or another tenant's. */
  abstract find(tenantId: TenantId, id: string): Promise<Conversation | null>;
  /** The newest `limit` messages, oldest first (what a prompt is built from). */
  abstract recentMessages(tenantId: TenantId, conversationId: string, limit: number): Promise<Message[]>;
  /** Creates the conversation if new, adds the messages and the summary counters, in one statement. */
  abstract appendTurn(turn: Turn): Promise<void>;
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
