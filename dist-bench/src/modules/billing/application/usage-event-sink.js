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
exports.BillingUsageEventSink = void 0;
const common_1 = require("@nestjs/common");
const metering_1 = require("../../../shared/contracts/metering");
const ingest_usage_events_use_case_1 = require("./ingest-usage-events.use-case");
let BillingUsageEventSink = class BillingUsageEventSink extends metering_1.UsageEventSink {
    ingestUseCase;
    constructor(ingestUseCase) {
        super();
        this.ingestUseCase = ingestUseCase;
    }
    async ingest(events) {
        if (events.length)
            await this.ingestUseCase.ingestInternal(events);
    }
};
exports.BillingUsageEventSink = BillingUsageEventSink;
exports.BillingUsageEventSink = BillingUsageEventSink = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [ingest_usage_events_use_case_1.IngestUsageEvents])
], BillingUsageEventSink);
//# sourceMappingURL=usage-event-sink.js.map