import { TenantId } from '../../../shared/domain/tenant-id';

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

export type MessageRole = 'user' | 'assistant' | 'tool';

export interface ToolCall {
  id: string;
  name: string;
  /** JSON text as the model produced it. */
  arguments: string;
}

export interface Message {
  id: string;
  seq: number;
  role: MessageRole;
  content: string;
  toolCalls: ToolCall[] | null;
  toolCallId: string | null;
  promptTokens: number;
  completionTokens: number;
  createdAt: Date;
}

export type NewMessage = Omit<Message, 'seq' | 'createdAt'>;

export const TITLE_MAX_LENGTH = 80;

/** A conversation is titled by its first user message: whitespace collapsed, cut at a word near 80 chars. */
export function titleFrom(message: string): string {
  const flat = message.replace(/\s+/g, ' ').trim();
  if (flat.length <= TITLE_MAX_LENGTH) return flat;
  const cut = flat.slice(0, TITLE_MAX_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
