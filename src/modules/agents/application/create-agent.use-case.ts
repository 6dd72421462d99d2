import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock.port';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Agent } from '../domain/agent';
import { AgentRepository } from '../domain/agent.repository.port';
import { AgentSettingsPolicy } from './agent-settings';

export type NewAgent = Pick<Agent, 'name' | 'slug' | 'model'> &
  Partial<Omit<Agent, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>>;

@Injectable()
export class CreateAgent {
  constructor(
    private readonly agents: AgentRepository,
    private readonly policy: AgentSettingsPolicy,
    private readonly clock: Clock,
  ) {}

  async execute(tenantId: TenantId, input: NewAgent): Promise<Agent> {
    const now = this.clock.now();
    const agent: Agent = {
      id: newId(),
      tenantId,
      description: '',
      provider: 'default',
      instructions: '',
      temperature: null,
      topP: null,
      maxTokens: null,
      tools: [],
      billingPlanId: null,
      externalId: null,
      status: 'active',
      metadata: {},
      // DTO instances carry absent fields as undefined: they must not erase the defaults.
      ...(Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as NewAgent),
      createdAt: now,
      updatedAt: now,
    };
    agent.tools = [...new Set(agent.tools)];
    this.policy.check(agent);
    await this.agents.insert(agent);
    return agent;
  }
}
