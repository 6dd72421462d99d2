import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock.port';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { PlanDirectory } from '../../../shared/contracts/plans';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Agent } from '../domain/agent';
import { AgentRepository } from '../domain/agent.repository.port';
import { AgentSettingsPolicy } from './agent-settings';

export type NewAgent = Pick<Agent, 'name' | 'slug' | 'model'> &
  Partial<Omit<Agent, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>>;

/** An agent may only be billed on a plan of its own organization; any other id is unknown here (404). */
export async function assertOwnPlan(plans: PlanDirectory, tenantId: TenantId, planId: string | null) {
  if (planId && !(await plans.exists(tenantId, planId))) throw new NotFoundError('Plan', planId);
}

@Injectable()
export class CreateAgent {
  constructor(
    private readonly agents: AgentRepository,
    private readonly policy: AgentSettingsPolicy,
    private readonly clock: Clock,
    private readonly plans: PlanDirectory,
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
    await assertOwnPlan(this.plans, tenantId, agent.billingPlanId);
    await this.agents.insert(agent);
    return agent;
  }
}
