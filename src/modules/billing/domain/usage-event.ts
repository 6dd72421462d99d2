/** Per-event validation of ingested usage: a bad event is rejected alone, never its whole batch. */

export type RejectionReason =
  | 'invalid_event'
  | 'unknown_fields'
  | 'invalid_timestamp'
  | 'timestamp_in_future'
  | 'unknown_customer'
  | 'unknown_metric'
  | 'bad_properties'
  | 'negative_value'
  | 'too_old'
  | 'before_subscription';

export interface Rejection {
  index: number;
  eventId: string | null;
  reason: RejectionReason;
  message: string;
}

export interface ParsedEvent {
  index: number;
  eventId: string;
  metricCode: string;
  customerId?: string;
  externalCustomerId?: string;
  agentId?: string;
  timestamp: Date;
  properties: Record<string, string | number | boolean | null>;
}

export type Aggregation = 'count' | 'sum' | 'max' | 'unique_count' | 'latest';
export const AGGREGATIONS: readonly Aggregation[] = ['count', 'sum', 'max', 'unique_count', 'latest'];

const ALLOWED = new Set([
  'eventId',
  'customerId',
  'externalCustomerId',
  'metric',
  'timestamp',
  'agentId',
  'properties',
]);
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMERIC_RE = /^-?\d{1,24}(\.\d{1,12})?$/;
const ID_RE = /^[\x21-\x7e]{1,200}$/;
const MAX_PROPERTIES = 50;

const reject = (
  index: number,
  eventId: string | null,
  reason: RejectionReason,
  message: string,
): Rejection => ({
  index,
  eventId,
  reason,
  message,
});

export function parseUsageEvent(
  raw: unknown,
  index: number,
  now: Date,
  maxFutureMs: number,
): ParsedEvent | Rejection {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return reject(index, null, 'invalid_event', 'event must be an object');
  const e = raw as Record<string, unknown>;
  const eventId = typeof e.eventId === 'string' && ID_RE.test(e.eventId) ? e.eventId : null;
  if (!eventId) return reject(index, null, 'invalid_event', 'eventId must be 1-200 printable characters');
  const unknown = Object.keys(e).filter((k) => !ALLOWED.has(k));
  if (unknown.length)
    return reject(index, eventId, 'unknown_fields', `unknown field(s): ${unknown.join(', ')}`);
  if (typeof e.metric !== 'string' || !e.metric)
    return reject(index, eventId, 'invalid_event', 'metric (code) is required');
  const hasId = e.customerId !== undefined;
  const hasExternal = e.externalCustomerId !== undefined;
  if (hasId === hasExternal)
    return reject(
      index,
      eventId,
      'invalid_event',
      'exactly one of customerId or externalCustomerId is required',
    );
  if (hasId && (typeof e.customerId !== 'string' || !UUID_RE.test(e.customerId)))
    return reject(index, eventId, 'unknown_customer', 'customerId must be a customer uuid');
  if (hasExternal && (typeof e.externalCustomerId !== 'string' || !e.externalCustomerId))
    return reject(index, eventId, 'invalid_event', 'externalCustomerId must be a non-empty string');
  if (e.agentId !== undefined && (typeof e.agentId !== 'string' || !UUID_RE.test(e.agentId)))
    return reject(index, eventId, 'invalid_event', 'agentId must be a uuid');
  if (typeof e.timestamp !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(e.timestamp))
    return reject(index, eventId, 'invalid_timestamp', 'timestamp must be an ISO 8601 date-time');
  const timestamp = new Date(e.timestamp);
  if (Number.isNaN(timestamp.getTime()))
    return reject(index, eventId, 'invalid_timestamp', 'timestamp is not a valid date-time');
  if (timestamp.getTime() > now.getTime() + maxFutureMs)
    return reject(index, eventId, 'timestamp_in_future', 'timestamp is too far in the future');
  const props = e.properties ?? {};
  if (typeof props !== 'object' || props === null || Array.isArray(props))
    return reject(index, eventId, 'bad_properties', 'properties must be an object');
  const entries = Object.entries(props as Record<string, unknown>);
  if (entries.length > MAX_PROPERTIES)
    return reject(index, eventId, 'bad_properties', `at most ${MAX_PROPERTIES} properties`);
  for (const [k, v] of entries) {
    const t = typeof v;
    if (v !== null && t !== 'string' && t !== 'number' && t !== 'boolean')
      return reject(
        index,
        eventId,
        'bad_properties',
        `property ${k} must be a string, number, boolean or null`,
      );
    if (t === 'number' && !Number.isFinite(v))
      return reject(index, eventId, 'bad_properties', `property ${k} is not finite`);
  }
  return {
    index,
    eventId,
    metricCode: e.metric,
    customerId: hasId ? (e.customerId as string) : undefined,
    externalCustomerId: hasExternal ? (e.externalCustomerId as string) : undefined,
    agentId: e.agentId as string | undefined,
    timestamp,
    properties: props as ParsedEvent['properties'],
  };
}

export const isRejection = (x: ParsedEvent | Rejection): x is Rejection => 'reason' in x;

/**
 * The number a metric aggregates for one event: null for count, the decimal string of the metric's
 * property otherwise (unique_count keeps it in properties). Throws a message when the property is unusable.
 */
export function metricValue(
  metric: { aggregation: Aggregation; field: string | null; allowsCorrections: boolean },
  properties: Record<string, unknown>,
):
  | { ok: true; value: string | null }
  | { ok: false; reason: 'bad_properties' | 'negative_value'; message: string } {
  if (metric.aggregation === 'count') return { ok: true, value: null };
  const field = metric.field as string;
  const v = properties[field];
  if (v === undefined || v === null)
    return { ok: false, reason: 'bad_properties', message: `property ${field} is required by the metric` };
  if (metric.aggregation === 'unique_count') return { ok: true, value: null };
  // Postgres numeric reads JS number strings, exponent forms included (1e-7).
  const value = typeof v === 'number' ? String(v) : typeof v === 'string' && NUMERIC_RE.test(v) ? v : null;
  if (value === null)
    return { ok: false, reason: 'bad_properties', message: `property ${field} must be numeric` };
  // A negative value lowers billed usage: only metrics declared to carry corrections take one.
  if (value.startsWith('-') && !metric.allowsCorrections && Number(value) !== 0)
    return {
      ok: false,
      reason: 'negative_value',
      message: `property ${field} is negative; metric does not allow corrections (allowsCorrections)`,
    };
  return { ok: true, value };
}

/**
 * How old an event may be: older than the late window (USAGE_LATE_WINDOW_DAYS) or than the customer's
 * first subscription is refused — such usage would be billed in a period it never happened in.
 */
export function lateEventRejection(
  timestamp: Date,
  oldestAccepted: Date,
  windowDays: number,
  firstSubscriptionStart: Date | null,
): { reason: 'too_old' | 'before_subscription'; message: string } | null {
  if (timestamp < oldestAccepted)
    return {
      reason: 'too_old',
      message: `timestamp is more than ${windowDays} days old (USAGE_LATE_WINDOW_DAYS)`,
    };
  if (firstSubscriptionStart && timestamp < firstSubscriptionStart)
    return {
      reason: 'before_subscription',
      message: `timestamp is before the customer's first subscription started (${firstSubscriptionStart.toISOString()})`,
    };
  return null;
}
