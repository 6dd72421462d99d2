import { TenantId } from '../../../shared/domain/tenant-id';

export interface AgentActivity {
  lastActiveAt: Date | null;
  conversations: number;
  messages: number;
  promptTokens: number;
  completionTokens: number;
  requests: number;
}

/** Read model behind GET /agents/:id/status. */
export abstract class AgentActivityReader {
  abstract since(tenantId: TenantId, agentId: string, from: Date): Promise<AgentActivity>;
}
