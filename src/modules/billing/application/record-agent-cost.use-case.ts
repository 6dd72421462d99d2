import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock.port';
import { newId } from '../../../shared/domain/ids';
import { dec } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { AgentCost, AgentRecordRepository } from '../domain/agent-records';
import { CustomerRef, AgentRecordGuards } from './agent-record-guards';

@Injectable()
export class RecordAgentCost {
  constructor(
    private readonly guards: AgentRecordGuards,
    private readonly records: AgentRecordRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    tenantId: TenantId,
    agentId: string,
    input: CustomerRef & {
      costType: string;
      amount: string;
      currency: string;
      occurredAt?: Date;
      externalId?: string;
      metadata?: Record<string, unknown>;
    },
  ): Promise<AgentCost> {
    await this.guards.agent(tenantId, agentId);
    const customerId = await this.guards.customerId(tenantId, input);
    const now = this.clock.now();
    return this.records.insertCost({
      id: newId(),
      tenantId,
      agentId,
      customerId,
      externalId: input.externalId ?? null,
      costType: input.costType,
      amount: dec(input.amount).toString(),
      currency: input.currency.toUpperCase(),
      occurredAt: input.occurredAt ?? now,
      metadata: input.metadata ?? {},
      createdAt: now,
    });
  }
}
