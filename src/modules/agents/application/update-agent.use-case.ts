import { PlanDirectory } from '../../../shared/contracts/plans';
import { assertOwnPlan } from './create-agent.use-case';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock.port';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Agent } from '../domain/agent';
import { AgentRepository } from '../domain/agent.repository.port';
import { AgentSettingsPolicy } from './agent-settings';
import { AgentCache } from './agent-cache';

export type AgentPatch = Partial<Omit<Agent, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>>;

/** Changes settings or status (`archived` is how an agent is retired; chat then answers 409). */
@Injectable()
export class UpdateAgent {
  constructor(
    private readonly agents: AgentRepository,
    private readonly policy: AgentSettingsPolicy,
    private readonly cache: AgentCache,
    private readonly clock: Clock,
    private readonly plans: PlanDirectory,
  ) {}

  async execute(tenantId: TenantId, id: string, patch: AgentPatch): Promise<Agent> {
    const current = await this.agents.findById(tenantId, id);
    if (!current) throw new NotFoundError('Agent', id);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const agent: Agent = { ...current, ...defined, updatedAt: this.clock.now() };
    agent.tools = [...new Set(agent.tools)];
    this.policy.check(agent);
    if (agent.billingPlanId !== current.billingPlanId)
      await assertOwnPlan(this.plans, tenantId, agent.billingPlanId);
    await this.agents.save(agent);
    this.cache.forget(agent);
    return agent;
  }
}
