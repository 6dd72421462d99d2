import { Injectable } from '@nestjs/common';
import { BUILTIN_METRICS, UsageEvent, UsageEventSink } from '../../../shared/contracts/metering';
import { UsageRevenueRater } from '../../../shared/contracts/usage-revenue';
import { TenantId } from '../../../shared/domain/tenant-id';
import { UsageRecord, UsageStore } from '../domain/usage-record';

/**
 * Billing's view of a usage record. Event ids derive from the record id, so a retried batch is ignored
 * by Billing (idempotent on tenant + eventId). Cost is split across the two token events so that summing
 * `cost` over the token metrics gives the call's cost exactly once.
 */
export function usageEvents(r: UsageRecord): UsageEvent[] {
  const base = {
    tenantId: r.tenantId as TenantId,
    timestamp: new Date(r.occurredAt),
    ...(r.agentId ? { agentId: r.agentId } : {}),
    ...(r.customer ? { customer: r.customer } : {}),
  };
  const props = { model: r.model, provider: r.provider, status: r.status };
  const events: UsageEvent[] = [];
  if (r.promptTokens > 0)
    events.push({
      ...base,
      eventId: `${r.id}:prompt`,
      metricCode: BUILTIN_METRICS.promptTokens,
      properties: { ...props, tokens: r.promptTokens, cost: r.promptCost },
    });
  if (r.completionTokens > 0)
    events.push({
      ...base,
      eventId: `${r.id}:completion`,
      metricCode: BUILTIN_METRICS.completionTokens,
      properties: { ...props, tokens: r.completionTokens, cost: r.completionCost },
    });
  if (r.status === 'completed')
    events.push({
      ...base,
      eventId: `${r.id}:request`,
      metricCode: BUILTIN_METRICS.agentRequests,
      properties: { ...props, requests: 1 },
    });
  return events;
}

/**
 * Worker side of the usage buffer: Billing names each record's customer and rated revenue, the batch is
 * stored with its analytics rollup (idempotent), then handed to Billing's metering (idempotent).
 */
@Injectable()
export class StoreUsageRecords {
  constructor(
    private readonly store: UsageStore,
    private readonly sink: UsageEventSink,
    private readonly revenue: UsageRevenueRater,
  ) {}

  async execute(records: UsageRecord[]): Promise<void> {
    const attribution = await this.revenue.rate(
      records.map((r) => ({
        id: r.id,
        tenantId: r.tenantId as TenantId,
        customer: r.customer,
        promptTokens: r.promptTokens,
        completionTokens: r.completionTokens,
        requests: r.status === 'completed' ? 1 : 0,
        currency: r.currency,
      })),
    );
    await this.store.insert(records, attribution);
    const events = records.flatMap(usageEvents);
    if (events.length) await this.sink.ingest(events);
  }
}
