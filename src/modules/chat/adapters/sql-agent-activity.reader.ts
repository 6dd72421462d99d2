import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TenantId } from '../../../shared/domain/tenant-id';
import { tenantQuery } from '../../../shared/persistence/tenant-sql';
import { AgentActivity, AgentActivityReader } from '../domain/agent-activity.port';

interface ActivityRow {
  last_active_at: Date | null;
  conversations: number;
  messages: number;
  prompt_tokens: string;
  completion_tokens: string;
  requests: number;
}

@Injectable()
export class SqlAgentActivityReader extends AgentActivityReader {
  constructor(private readonly db: DataSource) {
    super();
  }

  async since(tenantId: TenantId, agentId: string, from: Date): Promise<AgentActivity> {
    const [row] = await tenantQuery<ActivityRow>(
      this.db,
      tenantId,
      `SELECT
         greatest(
           (SELECT max(occurred_at) FROM llm_usage WHERE tenant_id = $1 AND agent_id = $2),
           (SELECT max(last_message_at) FROM conversations WHERE tenant_id = $1 AND agent_id = $2)
         ) AS last_active_at,
         (SELECT count(*) FROM conversations
           WHERE tenant_id = $1 AND agent_id = $2 AND created_at >= $3 AND deleted_at IS NULL)::int AS conversations,
         (SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id AND c.tenant_id = $1
           WHERE m.tenant_id = $1 AND c.agent_id = $2 AND m.created_at >= $3)::int AS messages,
         u.prompt_tokens, u.completion_tokens, u.requests
       FROM (SELECT coalesce(sum(prompt_tokens), 0)::bigint AS prompt_tokens,
                    coalesce(sum(completion_tokens), 0)::bigint AS completion_tokens,
                    count(*)::int AS requests
             FROM llm_usage WHERE tenant_id = $1 AND agent_id = $2 AND occurred_at >= $3) u`,
      [agentId, from],
    );
    return {
      lastActiveAt: row.last_active_at,
      conversations: row.conversations,
      messages: row.messages,
      promptTokens: Number(row.prompt_tokens),
      completionTokens: Number(row.completion_tokens),
      requests: row.requests,
    };
  }
}
