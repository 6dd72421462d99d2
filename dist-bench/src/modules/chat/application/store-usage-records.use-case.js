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
Object.defineProperty(exports, "__esModule", { value: true });
exports.StoreUsageRecords = void 0;
exports.usageEvents = usageEvents;
const common_1 = require("@nestjs/common");
const metering_1 = require("../../../shared/contracts/metering");
const usage_record_1 = require("../domain/usage-record");
function usageEvents(r) {
    const base = {
        tenantId: r.tenantId,
        timestamp: new Date(r.occurredAt),
        ...(r.agentId ? { agentId: r.agentId } : {}),
        ...(r.customer ? { customer: r.customer } : {}),
    };
    const props = { model: r.model, provider: r.provider, status: r.status };
    const events = [];
    if (r.promptTokens > 0)
        events.push({
            ...base,
            eventId: `${r.id}:prompt`,
            metricCode: metering_1.BUILTIN_METRICS.promptTokens,
            properties: { ...props, tokens: r.promptTokens, cost: r.promptCost },
        });
    if (r.completionTokens > 0)
        events.push({
            ...base,
            eventId: `${r.id}:completion`,
            metricCode: metering_1.BUILTIN_METRICS.completionTokens,
            properties: { ...props, tokens: r.completionTokens, cost: r.completionCost },
        });
    if (r.status === 'completed')
        events.push({
            ...base,
            eventId: `${r.id}:request`,
            metricCode: metering_1.BUILTIN_METRICS.agentRequests,
            properties: { ...props, requests: 1 },
        });
    return events;
}
let StoreUsageRecords = class StoreUsageRecords {
    store;
    sink;
    constructor(store, sink) {
        this.store = store;
        this.sink = sink;
    }
    async execute(records) {
        await this.store.insert(records);
        const events = records.flatMap(usageEvents);
        if (events.length)
            await this.sink.ingest(events);
    }
};
exports.StoreUsageRecords = StoreUsageRecords;
exports.StoreUsageRecords = StoreUsageRecords = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [usage_record_1.UsageStore,
        metering_1.UsageEventSink])
], StoreUsageRecords);
//# sourceMappingURL=store-usage-records.use-case.js.map