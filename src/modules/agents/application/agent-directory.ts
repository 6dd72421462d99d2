import { Injectable } from '@nestjs/common';
import { AgentDirectory, AgentRef } from '../../../shared/contracts/agents';
import { TenantId } from '../../../shared/domain/tenant-id';
import { isUuid } from '../../../shared/domain/ids';
import { AgentRepository } from '../domain/agent.repository.port';

/** What other modules (Billing) may ask about an agent. */
@Injectable()
export class RepositoryAgentDirectory extends AgentDirectory {
  constructor(private readonly agents: AgentRepository) {
    super();
  }

  async find(tenantId: TenantId, agentId: string): Promise<AgentRef | null> {
    if (!isUuid(agentId)) return null;
    const agent = await this.agents.findById(tenantId, agentId);
    if (!agent) return null;
    const { id, slug, name, status, billingPlanId } = agent;
    return { id, slug, name, status, billingPlanId };
  }
}
