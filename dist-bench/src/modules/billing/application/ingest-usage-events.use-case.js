"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var IngestUsageEvents_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.IngestUsageEvents = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../../config/app-config");
const clock_port_1 = require("../../../shared/domain/clock.port");
const ids_1 = require("../../../shared/domain/ids");
const metering_1 = require("../../../shared/contracts/metering");
const customer_1 = require("../domain/customer");
const metering_2 = require("../domain/metering");
const usage_event_1 = require("../domain/usage-event");
const METRIC_CACHE_MS = 30_000;
const BUILTIN_DEFINITIONS = {
    [metering_1.BUILTIN_METRICS.promptTokens]: { name: 'LLM prompt tokens', aggregation: 'sum', field: 'tokens' },
    [metering_1.BUILTIN_METRICS.completionTokens]: { name: 'LLM completion tokens', aggregation: 'sum', field: 'tokens' },
    [metering_1.BUILTIN_METRICS.agentRequests]: { name: 'Agent requests', aggregation: 'count', field: null },
};
let IngestUsageEvents = IngestUsageEvents_1 = class IngestUsageEvents {
    metrics;
    customers;
    usage;
    clock;
    config;
    logger = new common_1.Logger(IngestUsageEvents_1.name);
    metricCache = new Map();
    constructor(metrics, customers, usage, clock, config) {
        this.metrics = metrics;
        this.customers = customers;
        this.usage = usage;
        this.clock = clock;
        this.config = config;
    }
    async execute(tenantId, raw) {
        const now = this.clock.now();
        const maxFutureMs = this.config.billing.usageMaxFutureSeconds * 1000;
        const parsed = [];
        const rejections = [];
        raw.forEach((r, i) => {
            const p = (0, usage_event_1.parseUsageEvent)(r, i, now, maxFutureMs);
            if ((0, usage_event_1.isRejection)(p))
                rejections.push(p);
            else
                parsed.push(p);
        });
        return this.ingestParsed(tenantId, parsed, rejections, false);
    }
    async ingestInternal(events) {
        const byTenant = new Map();
        for (const e of events)
            byTenant.set(e.tenantId, [...(byTenant.get(e.tenantId) ?? []), e]);
        for (const [tenantId, list] of byTenant) {
            await this.ensureBuiltins(tenantId, list.map((e) => e.metricCode));
            const parsed = list.map((e, index) => ({
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
    async ingestParsed(tenantId, parsed, rejections, internal) {
        const metrics = await this.metricsFor(tenantId, [...new Set(parsed.map((p) => p.metricCode))]);
        const ids = new Set();
        const externalIds = new Set();
        for (const p of parsed) {
            if (p.customerId)
                ids.add(p.customerId);
            else if (p.externalCustomerId)
                externalIds.add(p.externalCustomerId);
        }
        const resolved = ids.size || externalIds.size
            ? await this.customers.resolveForIngest(tenantId, [...ids], [...externalIds])
            : [];
        const byId = new Map(resolved.map((c) => [c.id, c]));
        const byExternal = new Map(resolved.filter((c) => c.externalId).map((c) => [c.externalId, c]));
        const rows = [];
        const seen = new Set();
        let duplicates = 0;
        let late = 0;
        const lateIds = new Set();
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
            const value = (0, usage_event_1.metricValue)(metric, p.properties);
            if (!value.ok) {
                rejections.push({
                    index: p.index,
                    eventId: p.eventId,
                    reason: 'bad_properties',
                    message: value.message,
                });
                continue;
            }
            if (seen.has(p.eventId)) {
                duplicates++;
                continue;
            }
            seen.add(p.eventId);
            const open = customer?.openPeriodStart ?? null;
            const isLate = open !== null && p.timestamp < open;
            if (isLate)
                lateIds.add(p.eventId);
            rows.push({
                eventId: p.eventId,
                customerId: customer?.id ?? null,
                metricId: metric.id,
                agentId: p.agentId ?? null,
                ts: isLate ? open : p.timestamp,
                occurredAt: p.timestamp,
                value: value.value,
                properties: p.properties,
                late: isLate,
            });
        }
        const inserted = rows.length ? await this.usage.insertEvents(tenantId, rows) : new Set();
        duplicates += rows.length - inserted.size;
        for (const id of lateIds)
            if (inserted.has(id))
                late++;
        rejections.sort((a, b) => a.index - b.index);
        return { accepted: inserted.size, duplicates, rejected: rejections.length, late, rejections };
    }
    async metricsFor(tenantId, codes) {
        let cached = this.metricCache.get(tenantId);
        const stale = !cached || Date.now() - cached.at > METRIC_CACHE_MS;
        if (stale || codes.some((c) => !cached.byCode.has(c))) {
            const all = await this.metrics.list(tenantId);
            cached = { at: Date.now(), byCode: new Map(all.map((m) => [m.code, m])) };
            this.metricCache.set(tenantId, cached);
        }
        return cached.byCode;
    }
    async ensureBuiltins(tenantId, codes) {
        const known = this.metricCache.get(tenantId)?.byCode;
        for (const code of new Set(codes)) {
            const def = BUILTIN_DEFINITIONS[code];
            if (!def || known?.has(code))
                continue;
            await this.metrics.ensure({ id: (0, ids_1.newId)(), tenantId, code, filters: {}, createdAt: new Date(), ...def });
            this.metricCache.delete(tenantId);
        }
    }
};
exports.IngestUsageEvents = IngestUsageEvents;
exports.IngestUsageEvents = IngestUsageEvents = IngestUsageEvents_1 = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [metering_2.MetricRepository,
        customer_1.CustomerRepository,
        metering_2.UsageRepository,
        clock_port_1.Clock,
        app_config_1.AppConfig])
], IngestUsageEvents);
//# sourceMappingURL=ingest-usage-events.use-case.js.map