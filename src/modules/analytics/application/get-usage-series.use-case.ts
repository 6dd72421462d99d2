import { Injectable } from '@nestjs/common';
import { InvalidError } from '../../../shared/domain/domain-error';
import { dec } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { bucketCountAtMost, bucketStarts } from '../domain/buckets';
import {
  BucketRow,
  Dimension,
  Interval,
  Ranking,
  UsageAnalyticsReader,
  UsageTotals,
} from '../domain/usage-analytics';
import { resolveRange } from './analytics-range';
import { withMargin, MetricsView, addTotals, ZERO_TOTALS } from './metrics-view';

export const MAX_BUCKETS = 2_500;

export interface UsageSeriesInput {
  from: string;
  to: string;
  interval: Interval;
  groupBy?: Dimension;
  top?: number;
  rankBy?: Ranking;
  timezone?: string;
}

export interface SeriesView {
  key: string | null;
  label: string | null;
  other: boolean;
  totals: MetricsView;
  points: Array<MetricsView & { start: string }>;
}

export interface UsageSeriesView {
  from: string;
  to: string;
  interval: Interval;
  timezone: string;
  groupBy: Dimension | null;
  totals: MetricsView;
  series: SeriesView[];
}

/** Time series of chat usage, cost, rated revenue and margin, from the hourly rollup only. */
@Injectable()
export class GetUsageSeries {
  constructor(private readonly reader: UsageAnalyticsReader) {}

  async execute(tenantId: TenantId, input: UsageSeriesInput): Promise<UsageSeriesView> {
    const { timezone, from, to } = await resolveRange(this.reader, tenantId, input);
    if (bucketCountAtMost(from, to, input.interval) > MAX_BUCKETS)
      throw new InvalidError('invalid_range', `At most ${MAX_BUCKETS} ${input.interval} buckets per query`, [
        { field: 'to', message: 'narrow the range or use a coarser interval' },
      ]);
    const groupBy = input.groupBy ?? null;
    const rows = await this.reader.buckets(tenantId, {
      from,
      to,
      interval: input.interval,
      timezone,
      groupBy,
      top: input.top ?? 10,
      rankBy: input.rankBy ?? 'cost',
    });
    const starts = bucketStarts(from, to, input.interval, timezone);
    const groups = new Map<string, { key: string | null; other: boolean; rows: Map<number, BucketRow> }>();
    for (const row of rows) {
      const id = row.other ? '\u0000other' : (row.key ?? '');
      const group = groups.get(id) ?? { key: row.key, other: row.other, rows: new Map() };
      group.rows.set(row.bucket.getTime(), row);
      groups.set(id, group);
    }
    const labels =
      groupBy && groupBy !== 'model'
        ? await this.reader.labels(
            tenantId,
            groupBy,
            [...groups.values()].map((g) => g.key).filter((k): k is string => !!k),
          )
        : new Map<string, string>();
    let all: UsageTotals = ZERO_TOTALS;
    const series: SeriesView[] = [...groups.values()].map((g) => {
      let sum: UsageTotals = ZERO_TOTALS;
      const points = starts.map((start) => {
        const row = g.rows.get(start.getTime()) ?? ZERO_TOTALS;
        sum = addTotals(sum, row);
        return { start: start.toISOString(), ...withMargin(row) };
      });
      all = addTotals(all, sum);
      return {
        key: g.key,
        label: g.key === null ? null : groupBy === 'model' ? g.key : (labels.get(g.key) ?? null),
        other: g.other,
        totals: withMargin(sum),
        points,
      };
    });
    // Best group first, `other` last.
    const rank = (s: SeriesView) => (s.other ? dec(-Infinity) : rankValue(s.totals, input.rankBy ?? 'cost'));
    series.sort((a, b) => rank(b).comparedTo(rank(a)));
    if (!series.length && !groupBy)
      series.push({
        key: null,
        label: null,
        other: false,
        totals: withMargin(ZERO_TOTALS),
        points: starts.map((s) => ({ start: s.toISOString(), ...withMargin(ZERO_TOTALS) })),
      });
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      interval: input.interval,
      timezone,
      groupBy,
      totals: withMargin(all),
      series,
    };
  }
}

function rankValue(m: MetricsView, by: Ranking) {
  switch (by) {
    case 'requests':
      return dec(m.requests);
    case 'tokens':
      return dec(m.totalTokens);
    default:
      return dec(m[by]);
  }
}
