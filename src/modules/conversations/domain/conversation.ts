import { TenantId } from '../../../shared/domain/tenant-id';
import { Message, MessageRole, NewMessage, ToolCall } from '../../../shared/contracts/conversations';

/** Messages are the contract Chat writes turns in. */
export type { Message, MessageRole, NewMessage, ToolCall };

export interface Conversation {
  id: string;
  tenantId: TenantId;
  agentId: string;
  externalUserId: string | null;
  title: string;
  messageCount: number;
  promptTokens: number;
  completionTokens: number;
  lastMessageAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}
