import { TenantId } from '../domain/tenant-id';

/** What other modules (Billing) may ask the Agents module. Provided by AgentsModule (import it to inject this). */
export interface AgentRef {
  id: string;
  slug: string;
  name: string;
  status: 'active' | 'paused' | 'archived';
  billingPlanId: string | null;
}

export abstract class AgentDirectory {
  /** null when the agent does not exist in this tenant (callers answer 404). */
  abstract find(tenantId: TenantId, agentId: string): Promise<AgentRef | null>;
}
