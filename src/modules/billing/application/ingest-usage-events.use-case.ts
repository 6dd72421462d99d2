import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/domain/clock.port';
import { TenantId } from '../../../shared/domain/tenant-id';
import { newId } from '../../../shared/domain/ids';
import { BUILTIN_METRICS, UsageEvent } from '../../../shared/contracts/metering';
import { CustomerRepository } from '../domain/customer';
import { BillableMetric, EventRow, MetricRepository, UsageRepository } from '../domain/metering';
import {
  isRejection,
  lateEventRejection,
  metricValue,
  parseUsageEvent,
  ParsedEvent,
  Rejection,
} from '../domain/usage-event';

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Accepted events older than the customer's open period (billed in the open period). */
  late: number;
  rejections: Rejection[];
}

const METRIC_CACHE_MS = 30_000;

/** Built-in metrics the Chat module feeds: created per tenant on first use. */
const BUILTIN_DEFINITIONS: Record<string, Pick<BillableMetric, 'name' | 'aggregation' | 'field'>> = {
  [BUILTIN_METRICS.promptTokens]: { name: 'LLM prompt tokens', aggregation: 'sum', field: 'tokens' },
  [BUILTIN_METRICS.completionTokens]: { name: 'LLM completion tokens', aggregation: 'sum', field: 'tokens' },
  [BUILTIN_METRICS.agentRequests]: { name: 'Agent requests', aggregation: 'count', field: null },
};

/**
 * The one ingestion path (HTTP batches and the Chat module's sink): validate each event alone, resolve
 * customers and metrics once per batch, and write with one multi-row INSERT ... ON CONFLICT DO NOTHING
 * whose RETURNING tells accepted from duplicate — the unique key is the dedupe, in the same write.
 */
@Injectable()
export class IngestUsageEvents {
  private readonly logger = new Logger(IngestUsageEvents.name);
  private readonly metricCache = new Map<string, { at: number; byCode: Map<string, BillableMetric> }>();

  constructor(
    private readonly metrics: MetricRepository,
    private readonly customers: CustomerRepository,
    private readonly usage: UsageRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** HTTP batches: untrusted objects, validated per event. */
  async execute(tenantId: TenantId, raw: unknown[]): Promise<IngestResult> {
    const now = this.clock.now();
    const maxFutureMs = this.config.billing.usageMaxFutureSeconds * 1000;
    const parsed: ParsedEvent[] = [];
    const rejections: Rejection[] = [];
    raw.forEach((r, i) => {
      const p = parseUsageEvent(r, i, now, maxFutureMs);
      if (isRejection(p)) rejections.push(p);
      else parsed.push(p);
    });
    return this.ingestParsed(tenantId, parsed, rejections, false);
  }

  /** Events from other modules (Chat): trusted shape; unattributed or unknown customers are stored unattributed. */
  async ingestInternal(events: UsageEvent[]): Promise<void> {
    const byTenant = new Map<TenantId, UsageEvent[]>();
    for (const e of events) byTenant.set(e.tenantId, [...(byTenant.get(e.tenantId) ?? []), e]);
    for (const [tenantId, list] of byTenant) {
      await this.ensureBuiltins(
        tenantId,
        list.map((e) => e.metricCode),
      );
      const parsed: ParsedEvent[] = list.map((e, index) => ({
        index,
        eventId: e.eventId,
        metricCode: e.metricCode,
        customerId: e.customer?.id,
        externalCustomerId: e.customer?.id ? undefined : e.customer?.externalId,
        agentId: e.agentId,
        timestamp: e.timestamp,
        properties: e.properties,
      }));
      const result = await this.ingestParsed(tenantId, parsed, [], true);
      if (result.rejected)
        this.logger.warn({ tenantId, rejections: result.rejections }, 'internal usage events rejected');
    }
  }

  /** Shared tail of every ingestion path; `internal` keeps events of unknown customers unattributed. */
  async ingestParsed(
    tenantId: TenantId,
    parsed: ParsedEvent[],
    rejections: Rejection[],
    internal: boolean,
  ): Promise<IngestResult> {
    const metrics = await this.metricsFor(tenantId, [...new Set(parsed.map((p) => p.metricCode))]);
    const ids = new Set<string>();
    const externalIds = new Set<string>();
    for (const p of parsed) {
      if (p.customerId) ids.add(p.customerId);
      else if (p.externalCustomerId) externalIds.add(p.externalCustomerId);
    }
    const resolved =
      ids.size || externalIds.size
        ? await this.customers.resolveForIngest(tenantId, [...ids], [...externalIds])
        : [];
    const byId = new Map(resolved.map((c) => [c.id, c]));
    const byExternal = new Map(resolved.filter((c) => c.externalId).map((c) => [c.externalId as string, c]));

    const windowDays = this.config.billing.usageLateWindowDays;
    const oldestAccepted = new Date(this.clock.now().getTime() - windowDays * 86_400_000);
    const rows: EventRow[] = [];
    const seen = new Set<string>();
    let duplicates = 0;
    let late = 0;
    const lateIds = new Set<string>();
    for (const p of parsed) {
      const metric = metrics.get(p.metricCode);
      if (!metric) {
        rejections.push({
          index: p.index,
          eventId: p.eventId,
          reason: 'unknown_metric',
          message: `no metric with code ${p.metricCode}`,
        });
        continue;
      }
      const customer = p.customerId
        ? byId.get(p.customerId)
        : p.externalCustomerId
          ? byExternal.get(p.externalCustomerId)
          : undefined;
      if (!customer && (p.customerId || p.externalCustomerId) && !internal) {
        rejections.push({
          index: p.index,
          eventId: p.eventId,
          reason: 'unknown_customer',
          message: 'no such customer',
        });
        continue;
      }
      const value = metricValue(metric, p.properties);
      if (!value.ok) {
        rejections.push({ index: p.index, eventId: p.eventId, reason: value.reason, message: value.message });
        continue;
      }
      const tooLate = lateEventRejection(
        p.timestamp,
        oldestAccepted,
        windowDays,
        customer?.firstSubscriptionStart ?? null,
      );
      if (tooLate) {
        rejections.push({ index: p.index, eventId: p.eventId, ...tooLate });
        continue;
      }
      if (seen.has(p.eventId)) {
        duplicates++;
        continue;
      }
      seen.add(p.eventId);
      // Late: older than the open (not yet invoiced) period — billed at the open period's start.
      const open = customer?.openPeriodStart ?? null;
      const isLate = open !== null && p.timestamp < open;
      if (isLate) lateIds.add(p.eventId);
      rows.push({
        eventId: p.eventId,
        customerId: customer?.id ?? null,
        metricId: metric.id,
        agentId: p.agentId ?? null,
        ts: isLate ? (open as Date) : p.timestamp,
        occurredAt: p.timestamp,
        value: value.value,
        properties: p.properties,
        late: isLate,
      });
    }
    const inserted = rows.length ? await this.usage.insertEvents(tenantId, rows) : new Set<string>();
    duplicates += rows.length - inserted.size;
    for (const id of lateIds) if (inserted.has(id)) late++;
    rejections.sort((a, b) => a.index - b.index);
    return { accepted: inserted.size, duplicates, rejected: rejections.length, late, rejections };
  }

  private async metricsFor(tenantId: TenantId, codes: string[]): Promise<Map<string, BillableMetric>> {
    let cached = this.metricCache.get(tenantId);
    const stale = !cached || Date.now() - cached.at > METRIC_CACHE_MS;
    if (stale || codes.some((c) => !cached!.byCode.has(c))) {
      const all = await this.metrics.list(tenantId);
      cached = { at: Date.now(), byCode: new Map(all.map((m) => [m.code, m])) };
      this.metricCache.set(tenantId, cached);
    }
    return cached!.byCode;
  }

  private async ensureBuiltins(tenantId: TenantId, codes: string[]): Promise<void> {
    const known = this.metricCache.get(tenantId)?.byCode;
    for (const code of new Set(codes)) {
      const def = BUILTIN_DEFINITIONS[code];
      if (!def || known?.has(code)) continue;
      await this.metrics.ensure({
        id: newId(),
        tenantId,
        code,
        filters: {},
        allowsCorrections: false,
        createdAt: new Date(),
        ...def,
      });
      this.metricCache.delete(tenantId);
    }
  }
}
