import { Injectable } from '@nestjs/common';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Dimension, Ranking, UsageAnalyticsReader } from '../domain/usage-analytics';
import { resolveRange } from './analytics-range';
import { MetricsView, withMargin } from './metrics-view';

export interface TopUsageInput {
  from: string;
  to: string;
  groupBy: Dimension;
  rankBy?: Ranking;
  limit?: number;
  timezone?: string;
}

export interface TopUsageView {
  from: string;
  to: string;
  timezone: string;
  groupBy: Dimension;
  rankBy: Ranking;
  items: Array<{ key: string | null; label: string | null; other: boolean } & MetricsView>;
}

/** The top agents, customers, models or API keys over a range, then the rest summed as one `other` item. */
@Injectable()
export class GetTopUsage {
  constructor(private readonly reader: UsageAnalyticsReader) {}

  async execute(tenantId: TenantId, input: TopUsageInput): Promise<TopUsageView> {
    const { timezone, from, to } = await resolveRange(this.reader, tenantId, input);
    const rankBy = input.rankBy ?? 'cost';
    const rows = await this.reader.groups(tenantId, {
      from,
      to,
      groupBy: input.groupBy,
      top: input.limit ?? 10,
      rankBy,
    });
    const labels =
      input.groupBy === 'model'
        ? new Map<string, string>()
        : await this.reader.labels(
            tenantId,
            input.groupBy,
            rows.map((r) => r.key).filter((k): k is string => !!k),
          );
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      timezone,
      groupBy: input.groupBy,
      rankBy,
      items: rows.map((r) => ({
        key: r.key,
        label: r.key === null ? null : input.groupBy === 'model' ? r.key : (labels.get(r.key) ?? null),
        other: r.other,
        ...withMargin(r),
      })),
    };
  }
}
