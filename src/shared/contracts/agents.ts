import { TenantId } from '../domain/tenant-id';

/** What other modules (Billing, Chat) may ask the Agents module. Provided by AgentsModule (import it to inject this). */
export interface AgentRef {
  id: string;
  slug: string;
  name: string;
  status: 'active' | 'paused' | 'archived';
  billingPlanId: string | null;
  createdAt: Date;
}

export abstract class AgentDirectory {
  /** null when the agent does not exist in this tenant (callers answer 404). */
  abstract find(tenantId: TenantId, agentId: string): Promise<AgentRef | null>;
  /** The tenant's active agents, newest first (as GET /agents lists them), at most `limit`. */
  abstract listActive(tenantId: TenantId, limit: number): Promise<AgentRef[]>;
}

/** An agent as Chat runs it: model, prompt, tools and generation settings (null = the provider's default). */
export interface RunnableAgent {
  id: string;
  slug: string;
  status: AgentRef['status'];
  /** Named provider from config (`default` = OPENAI_BASE_URL). */
  provider: string;
  model: string;
  /** System prompt. */
  instructions: string;
  tools: string[];
  temperature: number | null;
  topP: number | null;
  maxTokens: number | null;
}

/** Agents read on the chat hot path (AgentsModule provides it, cached). null = not in this tenant. */
export abstract class AgentCatalog {
  abstract byId(tenantId: TenantId, id: string): Promise<RunnableAgent | null>;
  abstract bySlug(tenantId: TenantId, slug: string): Promise<RunnableAgent | null>;
}
