"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChatConversations1764000200100 = void 0;
class ChatConversations1764000200100 {
    name = 'ChatConversations1764000200100';
    async up(q) {
        await q.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        agent_id uuid NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        external_user_id text,
        title text NOT NULL DEFAULT '',
        message_count integer NOT NULL DEFAULT 0,
        prompt_tokens bigint NOT NULL DEFAULT 0,
        completion_tokens bigint NOT NULL DEFAULT 0,
        last_message_at timestamptz,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
        await q.query(`CREATE INDEX conversations_tenant_created_idx ON conversations (tenant_id, created_at DESC, id DESC) WHERE deleted_at IS NULL`);
        await q.query(`CREATE INDEX conversations_tenant_agent_idx ON conversations (tenant_id, agent_id, created_at DESC, id DESC) WHERE deleted_at IS NULL`);
        await q.query(`CREATE INDEX conversations_tenant_user_idx ON conversations (tenant_id, external_user_id, created_at DESC, id DESC) WHERE deleted_at IS NULL AND external_user_id IS NOT NULL`);
        await q.query(`CREATE INDEX conversations_deleted_idx ON conversations (deleted_at) WHERE deleted_at IS NOT NULL`);
        await q.query(`CREATE TRIGGER conversations_set_updated_at BEFORE UPDATE ON conversations FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
        await q.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('user', 'assistant', 'tool')),
        content text NOT NULL DEFAULT '',
        tool_calls jsonb,
        tool_call_id text,
        prompt_tokens integer NOT NULL DEFAULT 0,
        completion_tokens integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
        await q.query(`CREATE INDEX messages_conversation_idx ON messages (tenant_id, conversation_id, seq)`);
        await q.query(`
      CREATE TABLE llm_usage (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        agent_id uuid,
        conversation_id uuid,
        api_key_id text,
        user_id text,
        customer_id text,
        customer_external_id text,
        endpoint text NOT NULL,
        provider text NOT NULL,
        model text NOT NULL,
        prompt_tokens integer NOT NULL,
        completion_tokens integer NOT NULL,
        cost numeric(30, 12) NOT NULL,
        currency text NOT NULL,
        latency_ms integer NOT NULL,
        status text NOT NULL CHECK (status IN ('completed', 'failed', 'aborted')),
        error_code text,
        occurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
        await q.query(`CREATE INDEX llm_usage_tenant_time_idx ON llm_usage (tenant_id, occurred_at DESC)`);
        await q.query(`CREATE INDEX llm_usage_tenant_agent_idx ON llm_usage (tenant_id, agent_id, occurred_at DESC)`);
    }
    async down(q) {
        await q.query(`DROP TABLE IF EXISTS llm_usage`);
        await q.query(`DROP TABLE IF EXISTS messages`);
        await q.query(`DROP TABLE IF EXISTS conversations`);
    }
}
exports.ChatConversations1764000200100 = ChatConversations1764000200100;
//# sourceMappingURL=1764000200100-ChatConversations.js.map