import { TenantId } from '../domain/tenant-id';

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

/** One chat turn: the conversation (created when new) and the messages it added, written together. */
export interface Turn {
  tenantId: TenantId;
  conversation: {
    id: string;
    agentId: string;
    externalUserId: string | null;
    title: string;
    createdAt: Date;
  };
  messages: NewMessage[];
  promptTokens: number;
  completionTokens: number;
  at: Date;
}

export const TITLE_MAX_LENGTH = 80;

/** A conversation is titled by its first user message: whitespace collapsed, cut at a word near 80 chars. */
export function titleFrom(message: string): string {
  const flat = message.replace(/\s+/g, ' ').trim();
  if (flat.length <= TITLE_MAX_LENGTH) return flat;
  const cut = flat.slice(0, TITLE_MAX_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** What Chat reads and writes of a conversation (ConversationsModule provides it). */
export abstract class ConversationLog {
  /** null when missing, deleted, or another tenant's. */
  abstract find(tenantId: TenantId, id: string): Promise<{ id: string; agentId: string } | null>;
  /** The newest `limit` messages, oldest first (what a prompt is built from). */
  abstract recentMessages(tenantId: TenantId, conversationId: string, limit: number): Promise<Message[]>;
  /** Creates the conversation if new, adds the messages and the summary counters, in one statement. */
  abstract appendTurn(turn: Turn): Promise<void>;
}
