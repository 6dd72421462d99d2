"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SqlConversationRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const domain_error_1 = require("../../../shared/domain/domain-error");
const cursor_1 = require("../../agents/domain/cursor");
const conversation_repository_port_1 = require("../domain/conversation.repository.port");
const CONVERSATION_COLUMNS = `id, tenant_id, agent_id, external_user_id, title, message_count, prompt_tokens,
  completion_tokens, last_message_at, created_at, updated_at`;
const toConversation = (r) => ({
    id: r.id,
    tenantId: r.tenant_id,
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
const toMessage = (r) => ({
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
let SqlConversationRepository = class SqlConversationRepository extends conversation_repository_port_1.ConversationRepository {
    db;
    constructor(db) {
        super();
        this.db = db;
    }
    async find(tenantId, id) {
        const rows = await this.db.query(`SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL`, [tenantId, id]);
        return rows[0] ? toConversation(rows[0]) : null;
    }
    async recentMessages(tenantId, conversationId, limit) {
        const rows = await this.db.query(`SELECT * FROM (
         SELECT id, seq, role, content, tool_calls, tool_call_id, prompt_tokens, completion_tokens, created_at
         FROM messages WHERE tenant_id = $1 AND conversation_id = $2 ORDER BY seq DESC LIMIT $3
       ) m ORDER BY seq`, [tenantId, conversationId, limit]);
        return rows.map(toMessage);
    }
    async appendTurn(turn) {
        const { conversation: c, messages: m } = turn;
        await this.db.query(`WITH conv AS (
         INSERT INTO conversations AS c (id, tenant_id, agent_id, external_user_id, title, message_count,
           prompt_tokens, completion_tokens, last_message_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
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
       SELECT m.id, $2, (SELECT id FROM conv), m.role, m.content, m.tool_calls, m.tool_call_id, m.pt, m.ct, $9
       FROM unnest($11::uuid[], $12::text[], $13::text[], $14::jsonb[], $15::text[], $16::int[], $17::int[])
         WITH ORDINALITY AS m(id, role, content, tool_calls, tool_call_id, pt, ct, ord)
       ORDER BY m.ord`, [
            c.id,
            turn.tenantId,
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
        ]);
    }
    async list(tenantId, filter) {
        const where = ['tenant_id = $1', 'deleted_at IS NULL'];
        const params = [tenantId];
        if (filter.agentId)
            where.push(`agent_id = $${params.push(filter.agentId)}`);
        if (filter.externalUserId)
            where.push(`external_user_id = $${params.push(filter.externalUserId)}`);
        if (filter.cursor) {
            const c = (0, cursor_1.decodeCursor)(filter.cursor);
            where.push(`(created_at, id) < ($${params.push(c.createdAt)}, $${params.push(c.id)})`);
        }
        const rows = await this.db.query(`SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE ${where.join(' AND ')}
       ORDER BY created_at DESC, id DESC LIMIT $${params.push(filter.limit + 1)}`, params);
        const items = rows.slice(0, filter.limit).map(toConversation);
        const last = items[items.length - 1];
        return { items, nextCursor: rows.length > filter.limit && last ? (0, cursor_1.encodeCursor)(last) : null };
    }
    async messages(tenantId, conversationId, page) {
        let after = 0;
        if (page.cursor) {
            after = Number(Buffer.from(page.cursor, 'base64url').toString('utf8'));
            if (!Number.isSafeInteger(after) || after < 0)
                throw new domain_error_1.InvalidError('invalid_cursor', 'cursor is not one this API returned');
        }
        const rows = await this.db.query(`SELECT id, seq, role, content, tool_calls, tool_call_id, prompt_tokens, completion_tokens, created_at
       FROM messages WHERE tenant_id = $1 AND conversation_id = $2 AND seq > $3 ORDER BY seq LIMIT $4`, [tenantId, conversationId, after, page.limit + 1]);
        const items = rows.slice(0, page.limit).map(toMessage);
        const last = items[items.length - 1];
        return {
            items,
            nextCursor: rows.length > page.limit && last ? Buffer.from(String(last.seq)).toString('base64url') : null,
        };
    }
    async rename(tenantId, id, title) {
        const [, count] = await this.db.query(`UPDATE conversations SET title = $3 WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL`, [tenantId, id, title]);
        return count > 0;
    }
    async softDelete(tenantId, id, at) {
        const [, count] = await this.db.query(`UPDATE conversations SET deleted_at = $3 WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL`, [tenantId, id, at]);
        return count > 0;
    }
    async purgeDeleted(cutoff, batch) {
        const [, count] = await this.db.query(`DELETE FROM conversations WHERE id IN (
         SELECT id FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at < $1 LIMIT $2
       )`, [cutoff, batch]);
        return count;
    }
};
exports.SqlConversationRepository = SqlConversationRepository;
exports.SqlConversationRepository = SqlConversationRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource])
], SqlConversationRepository);
//# sourceMappingURL=typeorm-conversation.repository.js.map