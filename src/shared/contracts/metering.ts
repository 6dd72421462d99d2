import { TenantId } from '../domain/tenant-id';

/**
 * Contracts between Chat (producer) and Billing (consumer). BillingModule provides both ports;
 * until it does, BillingModule provides the permissive defaults at the bottom of this file.
 */

/** Built-in billable metrics fed by the Chat module (Billing creates them per tenant on demand). */
export const BUILTIN_METRICS = {
  promptTokens: 'llm_prompt_tokens',
  completionTokens: 'llm_completion_tokens',
  agentRequests: 'agent_requests',
} as const;

/** One usage event handed to Billing without an HTTP hop. Idempotent on (tenantId, eventId). */
export interface UsageEvent {
  tenantId: TenantId;
  eventId: string;
  metricCode: string;
  /** The tenant's customer to bill: Tollgate customer id or the tenant's external id. Absent = unattributed. */
  customer?: { id?: string; externalId?: string };
  timestamp: Date;
  agentId?: string;
  /** Numeric values as numbers or decimal strings; e.g. { tokens: 812, model: 'gpt-4o-mini', cost: '0.000412' } */
  properties: Record<string, string | number | boolean | null>;
}

export abstract class UsageEventSink {
  /** Durable when it resolves; duplicates (same tenantId + eventId) are ignored, never counted twice. */
  abstract ingest(events: UsageEvent[]): Promise<void>;
}

/** What a spend decision is about: the caller's tenant, and optionally the API key and the billed customer. */
export interface SpendScope {
  tenantId: TenantId;
  apiKeyId?: string;
  customer?: { id?: string; externalId?: string };
}

/**
 * A hard cap the Chat gateway must not exceed. Chat reserves worst-case cost against every budget of a
 * request atomically in Redis (reserve-then-settle); `key` names the Redis counter, so it must change
 * with the period (e.g. `cust:<id>:2026-11`). `spent` is Billing's authoritative spend so far, used to
 * seed the Redis counter when it is missing (reconciliation).
 */
export interface Budget {
  key: string;
  /** Decimal string in `currency` units. */
  limit: string;
  spent: string;
  currency: string;
  /** Seconds until the period ends (TTL of the Redis counter). */
  ttlSeconds: number;
  /** Why a request over this budget is refused, e.g. 'spend_cap_exceeded' or 'insufficient_credits'. */
  reason: string;
  /** Whose budget it is (named in the `spend_cap.reached` event). */
  customerId?: string;
  apiKeyId?: string;
}

export abstract class BudgetSource {
  /** Empty = unlimited. Must be fast (cached): it is on the chat request path. */
  abstract budgetsFor(scope: SpendScope): Promise<Budget[]>;
}

export class NoopUsageEventSink extends UsageEventSink {
  async ingest(): Promise<void> {}
}

export class UnlimitedBudgetSource extends BudgetSource {
  async budgetsFor(): Promise<Budget[]> {
    return [];
  }
}
