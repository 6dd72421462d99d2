import { Injectable } from '@nestjs/common';
import { dec } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { AgentRecordRepository, AgentStats } from '../domain/agent-records';
import { UsageRepository } from '../domain/metering';
import { AgentRecordGuards } from './agent-record-guards';

export interface AgentStatsView extends AgentStats {
  agentId: string;
  activities: { events: number; quantity: string };
  margin: { currency: string; amount: string }[];
}

@Injectable()
export class GetAgentStats {
  constructor(
    private readonly guards: AgentRecordGuards,
    private readonly records: AgentRecordRepository,
    private readonly usage: UsageRepository,
  ) {}

  async execute(tenantId: TenantId, agentId: string): Promise<AgentStatsView> {
    await this.guards.agent(tenantId, agentId);
    const [stats, activities] = await Promise.all([
      this.records.stats(tenantId, agentId),
      this.usage.agentActivity(tenantId, agentId),
    ]);
    const currencies = new Set([
      ...stats.costs.map((c) => c.currency),
      ...stats.revenue.map((r) => r.currency),
    ]);
    const margin = [...currencies].sort().map((currency) => {
      const revenue = stats.revenue.find((r) => r.currency === currency)?.amount ?? '0';
      const cost = stats.costs.find((c) => c.currency === currency)?.amount ?? '0';
      return { currency, amount: dec(revenue).minus(cost).toString() };
    });
    return { agentId, activities, ...stats, margin };
  }
}
