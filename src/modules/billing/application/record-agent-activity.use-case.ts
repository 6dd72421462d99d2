import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock.port';
import { InvalidError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { MetricRepository } from '../domain/metering';
import { IngestUsageEvents } from './ingest-usage-events.use-case';
import { CustomerRef, AgentRecordGuards } from './agent-record-guards';

/** An activity is a usage event on the metric named by its type (created as sum of `quantity` if missing). */
@Injectable()
export class RecordAgentActivity {
  constructor(
    private readonly guards: AgentRecordGuards,
    private readonly metrics: MetricRepository,
    private readonly ingest: IngestUsageEvents,
    private readonly clock: Clock,
  ) {}

  async execute(
    tenantId: TenantId,
    agentId: string,
    input: CustomerRef & {
      type: string;
      quantity: string;
      timestamp?: Date;
      eventId?: string;
      properties?: Record<string, string | number | boolean | null>;
    },
  ): Promise<{ eventId: string; duplicate: boolean; late: boolean }> {
    await this.guards.agent(tenantId, agentId);
    const customerId = await this.guards.customerId(tenantId, input);
    await this.metrics.ensure({
      id: newId(),
      tenantId,
      code: input.type,
      name: `Agent activity: ${input.type}`,
      aggregation: 'sum',
      field: 'quantity',
      filters: {},
      allowsCorrections: false,
      createdAt: this.clock.now(),
    });
    const eventId = input.eventId ?? newId();
    const result = await this.ingest.ingestParsed(
      tenantId,
      [
        {
          index: 0,
          eventId,
          metricCode: input.type,
          customerId: customerId ?? undefined,
          agentId,
          timestamp: input.timestamp ?? this.clock.now(),
          properties: { ...input.properties, quantity: input.quantity },
        },
      ],
      [],
      true,
    );
    if (result.rejected) throw new InvalidError(result.rejections[0].reason, result.rejections[0].message);
    return { eventId, duplicate: result.duplicates > 0, late: result.late > 0 };
  }
}
