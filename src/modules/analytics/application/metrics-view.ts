import { dec } from '../../../shared/domain/money';
import { UsageTotals } from '../domain/usage-analytics';

/** Totals as the API shows them: with total tokens and margin (revenue - cost), money as decimal strings. */
export interface MetricsView extends UsageTotals {
  totalTokens: number;
  margin: string;
}

export const ZERO_TOTALS: UsageTotals = {
  requests: 0,
  failedRequests: 0,
  promptTokens: 0,
  completionTokens: 0,
  cost: '0',
  revenue: '0',
};

export function addTotals(a: UsageTotals, b: UsageTotals): UsageTotals {
  return {
    requests: a.requests + b.requests,
    failedRequests: a.failedRequests + b.failedRequests,
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    cost: dec(a.cost).plus(b.cost).toFixed(),
    revenue: dec(a.revenue).plus(b.revenue).toFixed(),
  };
}

export function withMargin(t: UsageTotals): MetricsView {
  return {
    requests: t.requests,
    failedRequests: t.failedRequests,
    promptTokens: t.promptTokens,
    completionTokens: t.completionTokens,
    totalTokens: t.promptTokens + t.completionTokens,
    cost: dec(t.cost).toFixed(),
    revenue: dec(t.revenue).toFixed(),
    margin: dec(t.revenue).minus(t.cost).toFixed(),
  };
}
