import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TenantId } from '../../../shared/domain/tenant-id';
import { decodeCursor, instantSql, pageFrom } from '../../../shared/http/cursor';
import { crossTenantExecute, tenantExecute, tenantQuery } from '../../../shared/persistence/tenant-sql';
import { Conversation, Message } from '../domain/conversation';
import {
  ConversationPage,
  ConversationRepository,
  MessagePage,
  Turn,
} from '../domain/conversation.repository.port';

const CONVERSATION_COLUMNS = `id, tenant_id, agent_id, external_user_id, title, message_count, prompt_tokens,
  completion_tokens, last_message_at, created_at, updated_at`;

interface ConversationRow {
  id: string;
  tenant_id: string;
  agent_id: string;
  external_user_id: string | null;
  title: string;
  message_count: number;
  prompt_tokens: string;
  completion_tokens: string;
  last_message_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

interface MessageRow {
  id: string;
  seq: string;
  role: Message['role'];
  content: string;
  tool_calls: Message['toolCalls'];
  tool_call_id: string | null;
  prompt_tokens: number;
  completion_tokens: number;
  created_at: Date;
}

const toConversation = (r: ConversationRow): Conversation => ({
  id: r.id,
  tenantId: r.tenant_id as TenantId,
  agentId: r.agent_id,
  externalUserId: r.external_user_id,
  title: r.title,
  messageCount: r.message_count,
  promptTokens: Number(r.prompt_tokens),
  completionTokens: Number(r.completion_tokens),
  lastMessageAt: r.last_message_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toMessage = (r: MessageRow): Message => ({
  id: r.id,
  seq: Number(r.seq),
  role: r.role,
  content: r.content,
  toolCalls: r.tool_calls,
  toolCallId: r.tool_call_id,
  promptTokens: r.prompt_tokens,
  completionTokens: r.completion_tokens,
  createdAt: r.created_at,
});

/** Raw SQL (the chat path reads and writes here on every turn); every statement binds tenant_id. */
@Injectable()
export class SqlConversationRepository extends ConversationRepository {
  constructor(private readonly db: DataSource) {
    super();
  }

  async find(tenantId: TenantId, id: string): Promise<Conversation | null> {
    const rows = await tenantQuery<ConversationRow>(
      this.db,
      tenantId,
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL`,
      [id],
    );
    return rows[0] ? toConversation(rows[0]) : null;
  }

  async recentMessages(tenantId: TenantId, conversationId: string, limit: number): Promise<Message[]> {
    const rows = await tenantQuery<MessageRow>(
      this.db,
      tenantId,
      `SELECT * FROM (
         SELECT id, seq, role, content, tool_calls, tool_call_id, prompt_tokens, completion_tokens, created_at
         FROM messages WHERE tenant_id = $1 AND conversation_id = $2 ORDER BY seq DESC LIMIT $3
       ) m ORDER BY seq`,
      [conversationId, limit],
    );
    return rows.map(toMessage);
  }

  async appendTurn(turn: Turn): Promise<void> {
    const { conversation: c, messages: m } = turn;
    await tenantQuery(
      this.db,
      turn.tenantId,
      `WITH conv AS (
         INSERT INTO conversations AS c (id, tenant_id, agent_id, external_user_id, title, message_count,
           prompt_tokens, completion_tokens, last_message_at, created_at)
         VALUES ($2, $1, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (id) DO UPDATE SET
           message_count = c.message_count + EXCLUDED.message_count,
           prompt_tokens = c.prompt_tokens + EXCLUDED.prompt_tokens,
           completion_tokens = c.completion_tokens + EXCLUDED.completion_tokens,
           last_message_at = EXCLUDED.last_message_at
         WHERE c.tenant_id = EXCLUDED.tenant_id
         RETURNING id
       )
       INSERT INTO messages (id, tenant_id, conversation_id, role, content, tool_calls, tool_call_id,
         prompt_tokens, completion_tokens, created_at)
       SELECT m.id, $1, (SELECT id FROM conv), m.role, m.content, m.tool_calls, m.tool_call_id, m.pt, m.ct, $9
       FROM unnest($11::uuid[], $12::text[], $13::text[], $14::jsonb[], $15::text[], $16::int[], $17::int[])
         WITH ORDINALITY AS m(id, role, content, tool_calls, tool_call_id, pt, ct, ord)
       ORDER BY m.ord`,
      [
        c.id,
        c.agentId,
        c.externalUserId,
        c.title,
        m.length,
        turn.promptTokens,
        turn.completionTokens,
        turn.at,
        c.createdAt,
        m.map((x) => x.id),
        m.map((x) => x.role),
        m.map((x) => x.content),
        m.map((x) => (x.toolCalls ? JSON.stringify(x.toolCalls) : null)),
        m.map((x) => x.toolCallId),
        m.map((x) => x.promptTokens),
        m.map((x) => x.completionTokens),
      ],
    );
  }

  async list(
    tenantId: TenantId,
    filter: { agentId?: string; externalUserId?: string; limit: number; cursor?: string },
  ): Promise<ConversationPage> {
    const where = ['tenant_id = $1', 'deleted_at IS NULL'];
    // $1 is the tenant (bound by tenantQuery); these are $2 onwards.
    const params: unknown[] = [null];
    if (filter.agentId) where.push(`agent_id = $${params.push(filter.agentId)}`);
    if (filter.externalUserId) where.push(`external_user_id = $${params.push(filter.externalUserId)}`);
    if (filter.cursor) {
      const [createdAt, id] = decodeCursor(filter.cursor, ['instant', 'uuid']);
      where.push(`(created_at, id) < ($${params.push(createdAt)}, $${params.push(id)})`);
    }
    const sql = `SELECT ${CONVERSATION_COLUMNS}, ${instantSql('created_at')} AS cursor_at
       FROM conversations WHERE ${where.join(' AND ')}
       ORDER BY created_at DESC, id DESC LIMIT $${params.push(filter.limit + 1)}`;
    const rows = await tenantQuery<ConversationRow & { cursor_at: string }>(
      this.db,
      tenantId,
      sql,
      params.slice(1),
    );
    const page = pageFrom(rows, filter.limit, (last) => [last.cursor_at, last.id]);
    return { items: page.items.map(toConversation), nextCursor: page.nextCursor };
  }

  async messages(
    tenantId: TenantId,
    conversationId: string,
    page: { limit: number; cursor?: string },
  ): Promise<MessagePage> {
    const after = page.cursor ? decodeCursor(page.cursor, ['int'])[0] : 0;
    const rows = await tenantQuery<MessageRow>(
      this.db,
      tenantId,
      `SELECT id, seq, role, content, tool_calls, tool_call_id, prompt_tokens, completion_tokens, created_at
       FROM messages WHERE tenant_id = $1 AND conversation_id = $2 AND seq > $3 ORDER BY seq LIMIT $4`,
      [conversationId, after, page.limit + 1],
    );
    return pageFrom(rows.map(toMessage), page.limit, (last) => [last.seq]);
  }

  async rename(tenantId: TenantId, id: string, title: string): Promise<boolean> {
    const count = await tenantExecute(
      this.db,
      tenantId,
      `UPDATE conversations SET title = $3 WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL`,
      [id, title],
    );
    return count > 0;
  }

  async softDelete(tenantId: TenantId, id: string, at: Date): Promise<boolean> {
    const count = await tenantExecute(
      this.db,
      tenantId,
      `UPDATE conversations SET deleted_at = $3 WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL`,
      [id, at],
    );
    return count > 0;
  }

  async purgeDeleted(cutoff: Date, batch: number): Promise<number> {
    return crossTenantExecute(
      this.db,
      'retention purge of every tenant',
      `DELETE FROM conversations WHERE id IN (
         SELECT id FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at < $1 LIMIT $2
       )`,
      [cutoff, batch],
    );
  }
}
