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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.UsageController = exports.MetricsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../../../shared/http/auth.decorators");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const create_metric_use_case_1 = require("../application/create-metric.use-case");
const ingest_usage_events_use_case_1 = require("../application/ingest-usage-events.use-case");
const customer_1 = require("../domain/customer");
const metering_1 = require("../domain/metering");
const billing_dto_1 = require("./billing.dto");
const uuid_or_404_pipe_1 = require("./uuid-or-404.pipe");
const metricView = (m) => ({
    id: m.id,
    code: m.code,
    name: m.name,
    aggregation: m.aggregation,
    field: m.field,
    filters: m.filters,
    createdAt: m.createdAt,
});
let MetricsController = class MetricsController {
    metrics;
    createMetric;
    constructor(metrics, createMetric) {
        this.metrics = metrics;
        this.createMetric = createMetric;
    }
    async create(tenantId, body) {
        return metricView(await this.createMetric.execute(tenantId, body));
    }
    async list(tenantId) {
        return { data: (await this.metrics.list(tenantId)).map(metricView) };
    }
    async get(tenantId, id) {
        const m = await this.metrics.find(tenantId, id);
        if (!m)
            throw new domain_error_1.NotFoundError('Metric', id);
        return metricView(m);
    }
};
exports.MetricsController = MetricsController;
__decorate([
    (0, common_1.Post)(),
    (0, auth_decorators_1.Scopes)('plans:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Create a billable metric (aggregation over an event property)' }),
    (0, swagger_1.ApiCreatedResponse)({ type: billing_dto_1.MetricDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, billing_dto_1.CreateMetricDto]),
    __metadata("design:returntype", Promise)
], MetricsController.prototype, "create", null);
__decorate([
    (0, common_1.Get)(),
    (0, auth_decorators_1.Scopes)('usage:read'),
    (0, swagger_1.ApiOperation)({ summary: 'List billable metrics' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.MetricListDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], MetricsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, auth_decorators_1.Scopes)('usage:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Get a billable metric' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.MetricDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', new uuid_or_404_pipe_1.UuidOr404Pipe('Metric'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], MetricsController.prototype, "get", null);
exports.MetricsController = MetricsController = __decorate([
    (0, swagger_1.ApiTags)('usage'),
    (0, common_1.Controller)('api/v1/billable-metrics'),
    __metadata("design:paramtypes", [metering_1.MetricRepository,
        create_metric_use_case_1.CreateMetric])
], MetricsController);
let UsageController = class UsageController {
    ingest;
    usage;
    customers;
    constructor(ingest, usage, customers) {
        this.ingest = ingest;
        this.usage = usage;
        this.customers = customers;
    }
    ingestEvents(tenantId, body) {
        const events = body?.events;
        const extra = body && typeof body === 'object' ? Object.keys(body).filter((k) => k !== 'events') : [];
        if (!Array.isArray(events) || events.length < 1 || events.length > 1000 || extra.length)
            throw new domain_error_1.InvalidError('validation_failed', 'Body must be { events: [...] } with 1 to 1,000 events', [
                {
                    field: extra.length ? extra[0] : 'events',
                    message: extra.length
                        ? 'property should not exist'
                        : 'events must be an array of 1 to 1,000 events',
                },
            ]);
        return this.ingest.execute(tenantId, events);
    }
    async summary(tenantId, q) {
        const from = new Date(q.from);
        const to = new Date(q.to);
        if (!(from < to))
            throw new domain_error_1.InvalidError('invalid_range', 'from must be before to', [
                { field: 'to', message: 'must be after from' },
            ]);
        const customer = await this.customers.findByRef(tenantId, (0, ids_1.isUuid)(q.customer) ? { id: q.customer } : { externalId: q.customer });
        const resolved = customer ??
            ((0, ids_1.isUuid)(q.customer) ? await this.customers.findByRef(tenantId, { externalId: q.customer }) : null);
        if (!resolved)
            throw new domain_error_1.NotFoundError('Customer', q.customer);
        const groupBy = q.groupBy ?? 'metric';
        const data = await this.usage.summary(tenantId, {
            customerId: resolved.id,
            from,
            to,
            groupBy,
            timezone: resolved.timezone,
        });
        return { customerId: resolved.id, from: from.toISOString(), to: to.toISOString(), groupBy, data };
    }
};
exports.UsageController = UsageController;
__decorate([
    (0, common_1.Post)('events'),
    (0, common_1.HttpCode)(202),
    (0, auth_decorators_1.Scopes)('usage:write'),
    (0, swagger_1.ApiOperation)({
        summary: 'Ingest up to 1,000 usage events (idempotent per eventId; bad events rejected one by one)',
    }),
    (0, swagger_1.ApiAcceptedResponse)({ type: billing_dto_1.IngestResultDto }),
    (0, swagger_1.ApiBody)({ type: billing_dto_1.IngestEventsDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Promise)
], UsageController.prototype, "ingestEvents", null);
__decorate([
    (0, common_1.Get)('summary'),
    (0, auth_decorators_1.Scopes)('usage:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Usage of a customer in [from, to), aggregated in SQL by metric, agent or day' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.UsageSummaryDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, billing_dto_1.UsageSummaryQueryDto]),
    __metadata("design:returntype", Promise)
], UsageController.prototype, "summary", null);
exports.UsageController = UsageController = __decorate([
    (0, swagger_1.ApiTags)('usage'),
    (0, common_1.Controller)('api/v1/usage'),
    __metadata("design:paramtypes", [ingest_usage_events_use_case_1.IngestUsageEvents,
        metering_1.UsageRepository,
        customer_1.CustomerRepository])
], UsageController);
//# sourceMappingURL=usage.controller.js.map