import { Injectable } from '@nestjs/common';
import { AgentDirectory, AgentRef } from '../../../shared/contracts/agents';
import { TenantId } from '../../../shared/domain/tenant-id';
import { isUuid } from '../../../shared/domain/ids';
import { Agent } from '../domain/agent';
import { AgentRepository } from '../domain/agent.repository.port';

const ref = ({ id, slug, name, status, billingPlanId, createdAt }: Agent): AgentRef => ({
  id,
  slug,
  name,
  status,
  billingPlanId,
  createdAt,
});

/** What other modules (Billing, Chat) may ask about an agent. */
@Injectable()
export class RepositoryAgentDirectory extends AgentDirectory {
  constructor(private readonly agents: AgentRepository) {
    super();
  }

  async find(tenantId: TenantId, agentId: string): Promise<AgentRef | null> {
    if (!isUuid(agentId)) return null;
    const agent = await this.agents.findById(tenantId, agentId);
    return agent && ref(agent);
  }

  async listActive(tenantId: TenantId, limit: number): Promise<AgentRef[]> {
    const page = await this.agents.list(tenantId, { status: 'active', limit });
    return page.items.map(ref);
  }
}
