"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isRejection = exports.AGGREGATIONS = void 0;
exports.parseUsageEvent = parseUsageEvent;
exports.metricValue = metricValue;
exports.AGGREGATIONS = ['count', 'sum', 'max', 'unique_count', 'latest'];
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
const reject = (index, eventId, reason, message) => ({
    index,
    eventId,
    reason,
    message,
});
function parseUsageEvent(raw, index, now, maxFutureMs) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        return reject(index, null, 'invalid_event', 'event must be an object');
    const e = raw;
    const eventId = typeof e.eventId === 'string' && ID_RE.test(e.eventId) ? e.eventId : null;
    if (!eventId)
        return reject(index, null, 'invalid_event', 'eventId must be 1-200 printable characters');
    const unknown = Object.keys(e).filter((k) => !ALLOWED.has(k));
    if (unknown.length)
        return reject(index, eventId, 'unknown_fields', `unknown field(s): ${unknown.join(', ')}`);
    if (typeof e.metric !== 'string' || !e.metric)
        return reject(index, eventId, 'invalid_event', 'metric (code) is required');
    const hasId = e.customerId !== undefined;
    const hasExternal = e.externalCustomerId !== undefined;
    if (hasId === hasExternal)
        return reject(index, eventId, 'invalid_event', 'exactly one of customerId or externalCustomerId is required');
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
    const entries = Object.entries(props);
    if (entries.length > MAX_PROPERTIES)
        return reject(index, eventId, 'bad_properties', `at most ${MAX_PROPERTIES} properties`);
    for (const [k, v] of entries) {
        const t = typeof v;
        if (v !== null && t !== 'string' && t !== 'number' && t !== 'boolean')
            return reject(index, eventId, 'bad_properties', `property ${k} must be a string, number, boolean or null`);
        if (t === 'number' && !Number.isFinite(v))
            return reject(index, eventId, 'bad_properties', `property ${k} is not finite`);
    }
    return {
        index,
        eventId,
        metricCode: e.metric,
        customerId: hasId ? e.customerId : undefined,
        externalCustomerId: hasExternal ? e.externalCustomerId : undefined,
        agentId: e.agentId,
        timestamp,
        properties: props,
    };
}
const isRejection = (x) => 'reason' in x;
exports.isRejection = isRejection;
function metricValue(metric, properties) {
    if (metric.aggregation === 'count')
        return { ok: true, value: null };
    const field = metric.field;
    const v = properties[field];
    if (v === undefined || v === null)
        return { ok: false, message: `property ${field} is required by the metric` };
    if (metric.aggregation === 'unique_count')
        return { ok: true, value: null };
    if (typeof v === 'number')
        return { ok: true, value: String(v) };
    if (typeof v === 'string' && NUMERIC_RE.test(v))
        return { ok: true, value: v };
    return { ok: false, message: `property ${field} must be numeric` };
}
//# sourceMappingURL=usage-event.js.map