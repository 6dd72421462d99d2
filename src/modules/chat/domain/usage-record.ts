/** What one chat call cost, handed to the durable buffer and written to llm_usage by the usage worker. */
export interface UsageRecord {
  id: string;
  tenantId: string;
  agentId: string | null;
  conversationId: string | null;
  apiKeyId: string | null;
  userId: string | null;
  customer: { id?: string; externalId?: string } | null;
  endpoint: 'agent_chat' | 'chat_completions';
  provider: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  /** Decimal strings, 12 decimals at most; cost = promptCost + completionCost. */
  cost: string;
  promptCost: string;
  completionCost: string;
  currency: string;
  latencyMs: number;
  status: 'completed' | 'failed' | 'aborted';
  errorCode: string | null;
  /** ISO 8601. */
  occurredAt: string;
  /** The spend lease the call drew from, if any (see Reservation.leaseId). */
  spendLeaseId?: string | null;
}

/**
 * Durable hand-off: once append resolves the record survives an API crash (Redis), and is stored later.
 * `counters` (RateLimiter keys and amounts, e.g. the call's TPM correction) are added in the same write,
 * or not at all when the append fails: one command per call instead of two.
 */
export abstract class UsageBuffer {
  abstract append(record: UsageRecord, counters?: CounterAdjustment[]): Promise<void>;
}

/** Who Billing says a record is billed to, and the revenue its plan rates it at (decimal string). */
export interface RecordAttribution {
  customerId: string | null;
  revenue: string;
}

/** Where the worker writes records (with the analytics rollup); idempotent on record id. */
export abstract class UsageStore {
  /** A record missing from `attribution` is stored with no billed customer and no revenue. */
  abstract insert(records: UsageRecord[], attribution?: Map<string, RecordAttribution>): Promise<void>;
  /**
   * The cost stored for a record (decimal string), or null when it has not been stored; for a spend lease's
   * id, the summed cost of the records that drew from it (null when none has been stored).
   */
  abstract recordedCost(tenantId: string, usageId: string): Promise<string | null>;
}

/**
 * The last resort when neither the buffer nor the store takes a record: a local file, flushed to disk
 * before `append` resolves, replayed into the store once it answers again.
 */
export abstract class UsageSpool {
  abstract append(record: UsageRecord): Promise<void>;
  /**
   * Hands the spooled records to `store` in batches. A batch it rejects goes back to the spool (or, when
   * `isPoison` says the failure is the record's own, to a dead-letter file). Returns the records stored.
   */
  abstract drain(
    store: (records: UsageRecord[]) => Promise<void>,
    isPoison: (error: unknown) => boolean,
  ): Promise<number>;
  /** Records waiting in the spool. */
  abstract depth(): number;
}

/** Units added after the fact to a RateLimiter counter (`key` as in RateRule). */
export interface CounterAdjustment {
  key: string;
  amount: number;
}
