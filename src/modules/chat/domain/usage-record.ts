/** What one chat call cost, handed to the durable buffer and written to llm_usage by the usage worker. */
export interface UsageRecord {
  id: string;
  tenantId: string;
  agentId: string | null;
  conversationId: string | null;
  apiKeyId: string | null;
  userId: string | null;
  customer: { id?: string; externalId?: string } | null;
  endpoint: 'agent_chat' | 'chat_completions';
  provider: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  /** Decimal strings, 12 decimals at most; cost = promptCost + completionCost. */
  cost: string;
  promptCost: string;
  completionCost: string;
  currency: string;
  latencyMs: number;
  status: 'completed' | 'failed' | 'aborted';
  errorCode: string | null;
  /** ISO 8601. */
  occurredAt: string;
}

/** Durable hand-off: once append resolves the record survives an API crash (Redis), and is stored later. */
export abstract class UsageBuffer {
  abstract append(record: UsageRecord): Promise<void>;
}

/** Where the worker writes records; idempotent on record id. */
export abstract class UsageStore {
  abstract insert(records: UsageRecord[]): Promise<void>;
}
