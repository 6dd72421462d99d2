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
exports.SpendCapDto = exports.CheckoutSessionDto = exports.CheckoutDto = exports.RedemptionDto = exports.RedeemCouponDto = exports.CouponListDto = exports.CouponDto = exports.CreateCouponDto = exports.GrantResultDto = exports.CreditBalanceDto = exports.LedgerEntryDto = exports.GrantCreditsDto = exports.UpcomingInvoiceDto = exports.RatedLineDto = exports.SubscriptionListDto = exports.SubscriptionDto = exports.SubscriptionQueryDto = exports.CancelSubscriptionDto = exports.ChangePlanDto = exports.ChangeSeatsDto = exports.CreateSubscriptionDto = exports.PlanListDto = exports.PlanDto = exports.PlanVersionDto = exports.CreatePlanDto = exports.UpdatePlanDto = exports.ChargeDto = exports.PriceDto = exports.TierDto = exports.AgentStatsDto = exports.OutcomeDto = exports.RecordOutcomeDto = exports.CostDto = exports.RecordCostDto = exports.ActivityResultDto = exports.RecordActivityDto = exports.UsageSummaryDto = exports.SummaryRowDto = exports.UsageSummaryQueryDto = exports.IngestResultDto = exports.RejectionDto = exports.IngestEventsDto = exports.MetricListDto = exports.MetricDto = exports.CreateMetricDto = exports.CustomerListDto = exports.CustomerDto = exports.UpdateCustomerDto = exports.CreateCustomerDto = exports.PageQueryDto = void 0;
exports.SpendCapViewDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const plan_1 = require("../domain/plan");
const usage_event_1 = require("../domain/usage-event");
const NON_NEG = /^\d{1,20}(\.\d{1,12})?$/;
const CODE = /^[a-z0-9][a-z0-9_.:-]{0,99}$/i;
const decimalMsg = { message: '$property must be a non-negative decimal string with up to 12 decimals' };
class PageQueryDto {
    limit;
    offset;
}
exports.PageQueryDto = PageQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 50 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(200),
    __metadata("design:type", Number)
], PageQueryDto.prototype, "limit", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 0 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    __metadata("design:type", Number)
], PageQueryDto.prototype, "offset", void 0);
class CreateCustomerDto {
    name;
    email;
    externalId;
    currency;
    timezone;
    taxRate;
    billingAddress;
    spendCap;
    prepaidOnly;
}
exports.CreateCustomerDto = CreateCustomerDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Acme Corp' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateCustomerDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'billing@acme.test' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEmail)(),
    __metadata("design:type", String)
], CreateCustomerDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'acme-42' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateCustomerDto.prototype, "externalId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'USD' }),
    (0, class_validator_1.IsISO4217CurrencyCode)(),
    __metadata("design:type", String)
], CreateCustomerDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'Europe/Paris' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], CreateCustomerDto.prototype, "timezone", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '20', description: 'Tax rate in percent' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], CreateCustomerDto.prototype, "taxRate", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: { line1: '1 Main St', city: 'Paris', country: 'FR' } }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsObject)(),
    __metadata("design:type", Object)
], CreateCustomerDto.prototype, "billingAddress", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '500.00', description: 'Hard cap on spend per billing period' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], CreateCustomerDto.prototype, "spendCap", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: false, description: 'Refuse usage once credits are used up' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], CreateCustomerDto.prototype, "prepaidOnly", void 0);
class UpdateCustomerDto {
    name;
    email;
    externalId;
    currency;
    timezone;
    taxRate;
    billingAddress;
    spendCap;
    prepaidOnly;
}
exports.UpdateCustomerDto = UpdateCustomerDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'Acme Corp' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], UpdateCustomerDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'billing@acme.test' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEmail)(),
    __metadata("design:type", String)
], UpdateCustomerDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'acme-42' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], UpdateCustomerDto.prototype, "externalId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'USD' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsISO4217CurrencyCode)(),
    __metadata("design:type", String)
], UpdateCustomerDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'Europe/Paris' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], UpdateCustomerDto.prototype, "timezone", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '20' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], UpdateCustomerDto.prototype, "taxRate", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: { city: 'Paris' } }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsObject)(),
    __metadata("design:type", Object)
], UpdateCustomerDto.prototype, "billingAddress", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '500.00', nullable: true }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", Object)
], UpdateCustomerDto.prototype, "spendCap", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: false }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], UpdateCustomerDto.prototype, "prepaidOnly", void 0);
class CustomerDto {
    id;
    externalId;
    name;
    email;
    currency;
    timezone;
    taxRate;
    stripeCustomerId;
    billingAddress;
    spendCap;
    prepaidOnly;
    createdAt;
}
exports.CustomerDto = CustomerDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    __metadata("design:type", String)
], CustomerDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'acme-42', nullable: true, type: String }),
    __metadata("design:type", Object)
], CustomerDto.prototype, "externalId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Acme Corp' }),
    __metadata("design:type", String)
], CustomerDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'billing@acme.test', nullable: true, type: String }),
    __metadata("design:type", Object)
], CustomerDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'USD' }),
    __metadata("design:type", String)
], CustomerDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Europe/Paris' }),
    __metadata("design:type", String)
], CustomerDto.prototype, "timezone", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '20' }),
    __metadata("design:type", String)
], CustomerDto.prototype, "taxRate", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'cus_123', nullable: true, type: String }),
    __metadata("design:type", Object)
], CustomerDto.prototype, "stripeCustomerId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: { city: 'Paris' }, nullable: true, type: Object }),
    __metadata("design:type", Object)
], CustomerDto.prototype, "billingAddress", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '500', nullable: true, type: String }),
    __metadata("design:type", Object)
], CustomerDto.prototype, "spendCap", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: false }),
    __metadata("design:type", Boolean)
], CustomerDto.prototype, "prepaidOnly", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T10:00:00.000Z' }),
    __metadata("design:type", Date)
], CustomerDto.prototype, "createdAt", void 0);
class CustomerListDto {
    data;
}
exports.CustomerListDto = CustomerListDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [CustomerDto] }),
    __metadata("design:type", Array)
], CustomerListDto.prototype, "data", void 0);
class CreateMetricDto {
    code;
    name;
    aggregation;
    field;
    filters;
}
exports.CreateMetricDto = CreateMetricDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'api_calls' }),
    (0, class_validator_1.Matches)(CODE, { message: 'code must be 1-100 of letters, digits, _ . : -' }),
    __metadata("design:type", String)
], CreateMetricDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'API calls' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateMetricDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: usage_event_1.AGGREGATIONS, example: 'sum' }),
    (0, class_validator_1.IsIn)(usage_event_1.AGGREGATIONS),
    __metadata("design:type", Object)
], CreateMetricDto.prototype, "aggregation", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'tokens', description: 'Event property aggregated (not for count)' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(100),
    __metadata("design:type", String)
], CreateMetricDto.prototype, "field", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: { model: 'gpt-4o' },
        description: 'Only events whose properties equal these count',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsObject)(),
    __metadata("design:type", Object)
], CreateMetricDto.prototype, "filters", void 0);
class MetricDto {
    id;
    code;
    name;
    aggregation;
    field;
    filters;
    createdAt;
}
exports.MetricDto = MetricDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    __metadata("design:type", String)
], MetricDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'api_calls' }),
    __metadata("design:type", String)
], MetricDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'API calls' }),
    __metadata("design:type", String)
], MetricDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'sum' }),
    __metadata("design:type", String)
], MetricDto.prototype, "aggregation", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'tokens', nullable: true, type: String }),
    __metadata("design:type", Object)
], MetricDto.prototype, "field", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: {} }),
    __metadata("design:type", Object)
], MetricDto.prototype, "filters", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T10:00:00.000Z' }),
    __metadata("design:type", Date)
], MetricDto.prototype, "createdAt", void 0);
class MetricListDto {
    data;
}
exports.MetricListDto = MetricListDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [MetricDto] }),
    __metadata("design:type", Array)
], MetricListDto.prototype, "data", void 0);
class IngestEventsDto {
    events;
}
exports.IngestEventsDto = IngestEventsDto;
__decorate([
    (0, swagger_1.ApiProperty)({
        description: 'Up to 1,000 events; each is validated alone (a bad event never rejects the batch)',
        example: [
            {
                eventId: 'evt_0001',
                externalCustomerId: 'acme-42',
                metric: 'api_calls',
                timestamp: '2026-11-22T10:00:00Z',
                properties: { tokens: 812 },
            },
        ],
    }),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(1000),
    __metadata("design:type", Array)
], IngestEventsDto.prototype, "events", void 0);
class RejectionDto {
    index;
    eventId;
    reason;
    message;
}
exports.RejectionDto = RejectionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 3 }),
    __metadata("design:type", Number)
], RejectionDto.prototype, "index", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'evt_0004', nullable: true, type: String }),
    __metadata("design:type", Object)
], RejectionDto.prototype, "eventId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'unknown_customer' }),
    __metadata("design:type", String)
], RejectionDto.prototype, "reason", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'no such customer' }),
    __metadata("design:type", String)
], RejectionDto.prototype, "message", void 0);
class IngestResultDto {
    accepted;
    duplicates;
    rejected;
    late;
    rejections;
}
exports.IngestResultDto = IngestResultDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 998 }),
    __metadata("design:type", Number)
], IngestResultDto.prototype, "accepted", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 1 }),
    __metadata("design:type", Number)
], IngestResultDto.prototype, "duplicates", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 1 }),
    __metadata("design:type", Number)
], IngestResultDto.prototype, "rejected", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        example: 0,
        description: 'Accepted events older than the open period (billed in the open period)',
    }),
    __metadata("design:type", Number)
], IngestResultDto.prototype, "late", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [RejectionDto] }),
    __metadata("design:type", Array)
], IngestResultDto.prototype, "rejections", void 0);
class UsageSummaryQueryDto {
    customer;
    from;
    to;
    groupBy;
}
exports.UsageSummaryQueryDto = UsageSummaryQueryDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10', description: 'Customer id or external id' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    __metadata("design:type", String)
], UsageSummaryQueryDto.prototype, "customer", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-01T00:00:00Z' }),
    (0, class_validator_1.IsDateString)(),
    __metadata("design:type", String)
], UsageSummaryQueryDto.prototype, "from", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-12-01T00:00:00Z' }),
    (0, class_validator_1.IsDateString)(),
    __metadata("design:type", String)
], UsageSummaryQueryDto.prototype, "to", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: ['metric', 'agent', 'day'], example: 'metric' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(['metric', 'agent', 'day']),
    __metadata("design:type", String)
], UsageSummaryQueryDto.prototype, "groupBy", void 0);
class SummaryRowDto {
    metricCode;
    aggregation;
    agentId;
    day;
    value;
    events;
}
exports.SummaryRowDto = SummaryRowDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'api_calls' }),
    __metadata("design:type", String)
], SummaryRowDto.prototype, "metricCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'sum' }),
    __metadata("design:type", String)
], SummaryRowDto.prototype, "aggregation", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: null, nullable: true, type: String }),
    __metadata("design:type", Object)
], SummaryRowDto.prototype, "agentId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2026-11-22' }),
    __metadata("design:type", String)
], SummaryRowDto.prototype, "day", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '812' }),
    __metadata("design:type", String)
], SummaryRowDto.prototype, "value", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 1 }),
    __metadata("design:type", Number)
], SummaryRowDto.prototype, "events", void 0);
class UsageSummaryDto {
    customerId;
    from;
    to;
    groupBy;
    data;
}
exports.UsageSummaryDto = UsageSummaryDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    __metadata("design:type", String)
], UsageSummaryDto.prototype, "customerId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-01T00:00:00.000Z' }),
    __metadata("design:type", String)
], UsageSummaryDto.prototype, "from", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-12-01T00:00:00.000Z' }),
    __metadata("design:type", String)
], UsageSummaryDto.prototype, "to", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'metric' }),
    __metadata("design:type", String)
], UsageSummaryDto.prototype, "groupBy", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [SummaryRowDto] }),
    __metadata("design:type", Array)
], UsageSummaryDto.prototype, "data", void 0);
class CustomerRefDto {
    customerId;
    externalCustomerId;
}
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], CustomerRefDto.prototype, "customerId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'acme-42' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    __metadata("design:type", String)
], CustomerRefDto.prototype, "externalCustomerId", void 0);
class RecordActivityDto extends CustomerRefDto {
    type;
    quantity;
    timestamp;
    eventId;
}
exports.RecordActivityDto = RecordActivityDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'ticket_resolved', description: 'Activity type = billable metric code' }),
    (0, class_validator_1.Matches)(CODE, { message: 'type must be 1-100 of letters, digits, _ . : -' }),
    __metadata("design:type", String)
], RecordActivityDto.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '1' }),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], RecordActivityDto.prototype, "quantity", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2026-11-22T10:00:00Z' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsDateString)(),
    __metadata("design:type", String)
], RecordActivityDto.prototype, "timestamp", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'act_0001', description: 'Idempotency key (a repeat is a duplicate)' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], RecordActivityDto.prototype, "eventId", void 0);
class ActivityResultDto {
    eventId;
    duplicate;
    late;
}
exports.ActivityResultDto = ActivityResultDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'act_0001' }),
    __metadata("design:type", String)
], ActivityResultDto.prototype, "eventId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: false }),
    __metadata("design:type", Boolean)
], ActivityResultDto.prototype, "duplicate", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: false }),
    __metadata("design:type", Boolean)
], ActivityResultDto.prototype, "late", void 0);
class RecordCostDto extends CustomerRefDto {
    costType;
    amount;
    currency;
    occurredAt;
    externalId;
    metadata;
}
exports.RecordCostDto = RecordCostDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'llm' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(100),
    __metadata("design:type", String)
], RecordCostDto.prototype, "costType", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '0.0421' }),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], RecordCostDto.prototype, "amount", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'USD' }),
    (0, class_validator_1.IsISO4217CurrencyCode)(),
    __metadata("design:type", String)
], RecordCostDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2026-11-22T10:00:00Z' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsDateString)(),
    __metadata("design:type", String)
], RecordCostDto.prototype, "occurredAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'cost_0001', description: 'Idempotency key' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], RecordCostDto.prototype, "externalId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: { model: 'gpt-4o-mini' } }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsObject)(),
    __metadata("design:type", Object)
], RecordCostDto.prototype, "metadata", void 0);
class CostDto {
    id;
    agentId;
    customerId;
    costType;
    amount;
    currency;
    occurredAt;
}
exports.CostDto = CostDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    __metadata("design:type", String)
], CostDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    __metadata("design:type", String)
], CostDto.prototype, "agentId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String }),
    __metadata("design:type", Object)
], CostDto.prototype, "customerId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'llm' }),
    __metadata("design:type", String)
], CostDto.prototype, "costType", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '0.0421' }),
    __metadata("design:type", String)
], CostDto.prototype, "amount", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'USD' }),
    __metadata("design:type", String)
], CostDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T10:00:00.000Z' }),
    __metadata("design:type", Date)
], CostDto.prototype, "occurredAt", void 0);
class RecordOutcomeDto extends CustomerRefDto {
    type;
    value;
    currency;
    evidence;
    occurredAt;
    externalId;
}
exports.RecordOutcomeDto = RecordOutcomeDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'ticket_deflected' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(100),
    __metadata("design:type", String)
], RecordOutcomeDto.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '120.00' }),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], RecordOutcomeDto.prototype, "value", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'USD' }),
    (0, class_validator_1.IsISO4217CurrencyCode)(),
    __metadata("design:type", String)
], RecordOutcomeDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: { ticketId: 'T-1', csat: 5 } }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsObject)(),
    __metadata("design:type", Object)
], RecordOutcomeDto.prototype, "evidence", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2026-11-22T10:00:00Z' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsDateString)(),
    __metadata("design:type", String)
], RecordOutcomeDto.prototype, "occurredAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'out_0001', description: 'Idempotency key' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], RecordOutcomeDto.prototype, "externalId", void 0);
class OutcomeDto {
    id;
    agentId;
    customerId;
    type;
    value;
    currency;
    evidence;
    status;
    occurredAt;
}
exports.OutcomeDto = OutcomeDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    __metadata("design:type", String)
], OutcomeDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    __metadata("design:type", String)
], OutcomeDto.prototype, "agentId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String }),
    __metadata("design:type", Object)
], OutcomeDto.prototype, "customerId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'ticket_deflected' }),
    __metadata("design:type", String)
], OutcomeDto.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '120' }),
    __metadata("design:type", String)
], OutcomeDto.prototype, "value", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'USD' }),
    __metadata("design:type", String)
], OutcomeDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: { ticketId: 'T-1' } }),
    __metadata("design:type", Object)
], OutcomeDto.prototype, "evidence", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'pending', enum: ['pending', 'verified', 'rejected'] }),
    __metadata("design:type", String)
], OutcomeDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T10:00:00.000Z' }),
    __metadata("design:type", Date)
], OutcomeDto.prototype, "occurredAt", void 0);
class AmountByCurrencyDto {
    currency;
    amount;
}
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'USD' }),
    __metadata("design:type", String)
], AmountByCurrencyDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '12.5' }),
    __metadata("design:type", String)
], AmountByCurrencyDto.prototype, "amount", void 0);
class OutcomeStatsDto {
    status;
    currency;
    count;
    value;
}
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'verified' }),
    __metadata("design:type", String)
], OutcomeStatsDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'USD' }),
    __metadata("design:type", String)
], OutcomeStatsDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 3 }),
    __metadata("design:type", Number)
], OutcomeStatsDto.prototype, "count", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '360' }),
    __metadata("design:type", String)
], OutcomeStatsDto.prototype, "value", void 0);
class ActivityStatsDto {
    events;
    quantity;
}
__decorate([
    (0, swagger_1.ApiProperty)({ example: 42 }),
    __metadata("design:type", Number)
], ActivityStatsDto.prototype, "events", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '42' }),
    __metadata("design:type", String)
], ActivityStatsDto.prototype, "quantity", void 0);
class AgentStatsDto {
    agentId;
    activities;
    costs;
    outcomes;
    revenue;
    margin;
}
exports.AgentStatsDto = AgentStatsDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    __metadata("design:type", String)
], AgentStatsDto.prototype, "agentId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: ActivityStatsDto }),
    __metadata("design:type", ActivityStatsDto)
], AgentStatsDto.prototype, "activities", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [AmountByCurrencyDto] }),
    __metadata("design:type", Array)
], AgentStatsDto.prototype, "costs", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [OutcomeStatsDto] }),
    __metadata("design:type", Array)
], AgentStatsDto.prototype, "outcomes", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [AmountByCurrencyDto], description: 'Outcome fees invoiced for this agent' }),
    __metadata("design:type", Array)
], AgentStatsDto.prototype, "revenue", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [AmountByCurrencyDto], description: 'revenue - costs' }),
    __metadata("design:type", Array)
], AgentStatsDto.prototype, "margin", void 0);
class TierDto {
    upTo;
    unitAmount;
    flatAmount;
}
exports.TierDto = TierDto;
__decorate([
    (0, swagger_1.ApiProperty)({
        example: '1000',
        nullable: true,
        type: String,
        description: 'Inclusive upper bound; null on the last tier',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", Object)
], TierDto.prototype, "upTo", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '0.002' }),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], TierDto.prototype, "unitAmount", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '0' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], TierDto.prototype, "flatAmount", void 0);
class PriceDto {
    model;
    unitAmount;
    tiers;
    packageSize;
    packageAmount;
    rate;
    fixedPerEvent;
    min;
    max;
    multiplier;
    costType;
}
exports.PriceDto = PriceDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: plan_1.PRICE_MODELS, example: 'graduated' }),
    (0, class_validator_1.IsIn)(plan_1.PRICE_MODELS),
    __metadata("design:type", Object)
], PriceDto.prototype, "model", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '0.000002' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], PriceDto.prototype, "unitAmount", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: [TierDto] }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(50),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => TierDto),
    __metadata("design:type", Array)
], PriceDto.prototype, "tiers", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '1000' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], PriceDto.prototype, "packageSize", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '5' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], PriceDto.prototype, "packageAmount", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2.5', description: 'percentage: percent of the summed amount' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], PriceDto.prototype, "rate", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '0.30' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], PriceDto.prototype, "fixedPerEvent", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '1' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], PriceDto.prototype, "min", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '100' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], PriceDto.prototype, "max", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '1.3', description: 'cost_plus: recorded cost × multiplier' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], PriceDto.prototype, "multiplier", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'llm' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], PriceDto.prototype, "costType", void 0);
class ChargeDto {
    id;
    kind;
    name;
    amount;
    unitAmount;
    timing;
    freeSeats;
    metricCode;
    freeUnits;
    price;
    outcomeType;
    percentage;
    minPerOutcome;
    maxPerOutcome;
}
exports.ChargeDto = ChargeDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], ChargeDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['base', 'seat', 'usage', 'outcome'], example: 'usage' }),
    (0, class_validator_1.IsIn)(['base', 'seat', 'usage', 'outcome']),
    __metadata("design:type", String)
], ChargeDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'Prompt tokens' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], ChargeDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '49.00', description: 'base: fee per period' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], ChargeDto.prototype, "amount", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '10.00', description: 'seat: price per seat' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], ChargeDto.prototype, "unitAmount", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: ['advance', 'arrears'], example: 'advance' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(['advance', 'arrears']),
    __metadata("design:type", String)
], ChargeDto.prototype, "timing", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], ChargeDto.prototype, "freeSeats", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'llm_prompt_tokens' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], ChargeDto.prototype, "metricCode", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '100000' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], ChargeDto.prototype, "freeUnits", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: PriceDto }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => PriceDto),
    __metadata("design:type", PriceDto)
], ChargeDto.prototype, "price", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'ticket_deflected' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], ChargeDto.prototype, "outcomeType", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '5', description: 'outcome: percent of the verified value' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], ChargeDto.prototype, "percentage", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '1' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], ChargeDto.prototype, "minPerOutcome", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '50' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], ChargeDto.prototype, "maxPerOutcome", void 0);
class UpdatePlanDto {
    name;
    currency;
    interval;
    trialDays;
    minimumCommitment;
    charges;
}
exports.UpdatePlanDto = UpdatePlanDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Pro' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], UpdatePlanDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'USD' }),
    (0, class_validator_1.IsISO4217CurrencyCode)(),
    __metadata("design:type", String)
], UpdatePlanDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['month', 'quarter', 'year'], example: 'month' }),
    (0, class_validator_1.IsIn)(['month', 'quarter', 'year']),
    __metadata("design:type", String)
], UpdatePlanDto.prototype, "interval", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 14 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(365),
    __metadata("design:type", Number)
], UpdatePlanDto.prototype, "trialDays", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '100.00' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], UpdatePlanDto.prototype, "minimumCommitment", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [ChargeDto] }),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(50),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => ChargeDto),
    __metadata("design:type", Array)
], UpdatePlanDto.prototype, "charges", void 0);
class CreatePlanDto extends UpdatePlanDto {
    code;
}
exports.CreatePlanDto = CreatePlanDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'pro' }),
    (0, class_validator_1.Matches)(CODE, { message: 'code must be 1-100 of letters, digits, _ . : -' }),
    __metadata("design:type", String)
], CreatePlanDto.prototype, "code", void 0);
class PlanVersionDto {
    id;
    version;
    name;
    currency;
    interval;
    trialDays;
    minimumCommitment;
    charges;
}
exports.PlanVersionDto = PlanVersionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    __metadata("design:type", String)
], PlanVersionDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 1 }),
    __metadata("design:type", Number)
], PlanVersionDto.prototype, "version", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Pro' }),
    __metadata("design:type", String)
], PlanVersionDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'USD' }),
    __metadata("design:type", String)
], PlanVersionDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'month' }),
    __metadata("design:type", String)
], PlanVersionDto.prototype, "interval", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 0 }),
    __metadata("design:type", Number)
], PlanVersionDto.prototype, "trialDays", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '100', nullable: true, type: String }),
    __metadata("design:type", Object)
], PlanVersionDto.prototype, "minimumCommitment", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [ChargeDto] }),
    __metadata("design:type", Array)
], PlanVersionDto.prototype, "charges", void 0);
class PlanDto {
    id;
    code;
    name;
    currentVersion;
    version;
    newVersion;
}
exports.PlanDto = PlanDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    __metadata("design:type", String)
], PlanDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'pro' }),
    __metadata("design:type", String)
], PlanDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Pro' }),
    __metadata("design:type", String)
], PlanDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 1 }),
    __metadata("design:type", Number)
], PlanDto.prototype, "currentVersion", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: PlanVersionDto }),
    __metadata("design:type", PlanVersionDto)
], PlanDto.prototype, "version", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: false, description: 'True when the edit created a new version' }),
    __metadata("design:type", Boolean)
], PlanDto.prototype, "newVersion", void 0);
class PlanListDto {
    data;
}
exports.PlanListDto = PlanListDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [PlanDto] }),
    __metadata("design:type", Array)
], PlanListDto.prototype, "data", void 0);
class CreateSubscriptionDto {
    customerId;
    planId;
    seats;
    startDate;
    trialDays;
}
exports.CreateSubscriptionDto = CreateSubscriptionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], CreateSubscriptionDto.prototype, "customerId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], CreateSubscriptionDto.prototype, "planId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 5 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(1_000_000),
    __metadata("design:type", Number)
], CreateSubscriptionDto.prototype, "seats", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: '2026-11-22',
        description: 'Local start date (customer timezone); default today',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsDateString)(),
    __metadata("design:type", String)
], CreateSubscriptionDto.prototype, "startDate", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 14, description: 'Overrides the plan trial' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(365),
    __metadata("design:type", Number)
], CreateSubscriptionDto.prototype, "trialDays", void 0);
class ChangeSeatsDto {
    seats;
}
exports.ChangeSeatsDto = ChangeSeatsDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 8 }),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(1_000_000),
    __metadata("design:type", Number)
], ChangeSeatsDto.prototype, "seats", void 0);
class ChangePlanDto {
    planId;
    seats;
}
exports.ChangePlanDto = ChangePlanDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], ChangePlanDto.prototype, "planId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 5 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(1_000_000),
    __metadata("design:type", Number)
], ChangePlanDto.prototype, "seats", void 0);
class CancelSubscriptionDto {
    when;
}
exports.CancelSubscriptionDto = CancelSubscriptionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['period_end', 'now'], example: 'period_end' }),
    (0, class_validator_1.IsIn)(['period_end', 'now']),
    __metadata("design:type", String)
], CancelSubscriptionDto.prototype, "when", void 0);
class SubscriptionQueryDto extends PageQueryDto {
    customerId;
}
exports.SubscriptionQueryDto = SubscriptionQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], SubscriptionQueryDto.prototype, "customerId", void 0);
class SubscriptionDto {
    id;
    customerId;
    planId;
    planVersionId;
    status;
    seats;
    timezone;
    startedAt;
    trialEnd;
    currentPeriodStart;
    currentPeriodEnd;
    cancelAtPeriodEnd;
    canceledAt;
}
exports.SubscriptionDto = SubscriptionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    __metadata("design:type", String)
], SubscriptionDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    __metadata("design:type", String)
], SubscriptionDto.prototype, "customerId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    __metadata("design:type", String)
], SubscriptionDto.prototype, "planId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    __metadata("design:type", String)
], SubscriptionDto.prototype, "planVersionId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'active', enum: ['trialing', 'active', 'past_due', 'canceled'] }),
    __metadata("design:type", String)
], SubscriptionDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 5 }),
    __metadata("design:type", Number)
], SubscriptionDto.prototype, "seats", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Europe/Paris' }),
    __metadata("design:type", String)
], SubscriptionDto.prototype, "timezone", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-21T23:00:00.000Z' }),
    __metadata("design:type", Date)
], SubscriptionDto.prototype, "startedAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: Date }),
    __metadata("design:type", Object)
], SubscriptionDto.prototype, "trialEnd", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-21T23:00:00.000Z' }),
    __metadata("design:type", Date)
], SubscriptionDto.prototype, "currentPeriodStart", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-12-21T23:00:00.000Z' }),
    __metadata("design:type", Date)
], SubscriptionDto.prototype, "currentPeriodEnd", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: false }),
    __metadata("design:type", Boolean)
], SubscriptionDto.prototype, "cancelAtPeriodEnd", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: Date }),
    __metadata("design:type", Object)
], SubscriptionDto.prototype, "canceledAt", void 0);
class SubscriptionListDto {
    data;
}
exports.SubscriptionListDto = SubscriptionListDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [SubscriptionDto] }),
    __metadata("design:type", Array)
], SubscriptionListDto.prototype, "data", void 0);
class RatedLineDto {
    kind;
    description;
    quantity;
    unitAmount;
    amount;
}
exports.RatedLineDto = RatedLineDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'usage' }),
    __metadata("design:type", String)
], RatedLineDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Prompt tokens' }),
    __metadata("design:type", String)
], RatedLineDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '120000' }),
    __metadata("design:type", String)
], RatedLineDto.prototype, "quantity", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '0.000002' }),
    __metadata("design:type", String)
], RatedLineDto.prototype, "unitAmount", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '0.24' }),
    __metadata("design:type", String)
], RatedLineDto.prototype, "amount", void 0);
class UpcomingInvoiceDto {
    currency;
    periodStart;
    periodEnd;
    lines;
    subtotal;
    discountTotal;
    taxTotal;
    totalBeforeCredits;
    creditsAvailable;
}
exports.UpcomingInvoiceDto = UpcomingInvoiceDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'USD' }),
    __metadata("design:type", String)
], UpcomingInvoiceDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-21T23:00:00.000Z' }),
    __metadata("design:type", Date)
], UpcomingInvoiceDto.prototype, "periodStart", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-12-21T23:00:00.000Z' }),
    __metadata("design:type", Date)
], UpcomingInvoiceDto.prototype, "periodEnd", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [RatedLineDto] }),
    __metadata("design:type", Array)
], UpcomingInvoiceDto.prototype, "lines", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '59.24' }),
    __metadata("design:type", String)
], UpcomingInvoiceDto.prototype, "subtotal", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '0.00' }),
    __metadata("design:type", String)
], UpcomingInvoiceDto.prototype, "discountTotal", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '11.85' }),
    __metadata("design:type", String)
], UpcomingInvoiceDto.prototype, "taxTotal", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '71.09' }),
    __metadata("design:type", String)
], UpcomingInvoiceDto.prototype, "totalBeforeCredits", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '0.00' }),
    __metadata("design:type", String)
], UpcomingInvoiceDto.prototype, "creditsAvailable", void 0);
class GrantCreditsDto {
    amount;
    paid;
    expiresAt;
    reference;
    description;
}
exports.GrantCreditsDto = GrantCreditsDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '100.00' }),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], GrantCreditsDto.prototype, "amount", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: false, description: 'true = paid top-up, false = free grant' }),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], GrantCreditsDto.prototype, "paid", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2027-01-01T00:00:00Z' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsDateString)(),
    __metadata("design:type", String)
], GrantCreditsDto.prototype, "expiresAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'promo-2026', description: 'Idempotency key of the grant' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], GrantCreditsDto.prototype, "reference", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'Welcome credits' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(500),
    __metadata("design:type", String)
], GrantCreditsDto.prototype, "description", void 0);
class LedgerEntryDto {
    id;
    kind;
    amount;
    expiresAt;
    reference;
    description;
    createdAt;
}
exports.LedgerEntryDto = LedgerEntryDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    __metadata("design:type", String)
], LedgerEntryDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'free_grant', enum: ['paid_grant', 'free_grant', 'debit'] }),
    __metadata("design:type", String)
], LedgerEntryDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '100' }),
    __metadata("design:type", String)
], LedgerEntryDto.prototype, "amount", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: Date }),
    __metadata("design:type", Object)
], LedgerEntryDto.prototype, "expiresAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'promo-2026', nullable: true, type: String }),
    __metadata("design:type", Object)
], LedgerEntryDto.prototype, "reference", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Welcome credits' }),
    __metadata("design:type", String)
], LedgerEntryDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T10:00:00.000Z' }),
    __metadata("design:type", Date)
], LedgerEntryDto.prototype, "createdAt", void 0);
class CreditBalanceDto {
    customerId;
    currency;
    balance;
    ledger;
}
exports.CreditBalanceDto = CreditBalanceDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    __metadata("design:type", String)
], CreditBalanceDto.prototype, "customerId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'USD' }),
    __metadata("design:type", String)
], CreditBalanceDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '100' }),
    __metadata("design:type", String)
], CreditBalanceDto.prototype, "balance", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [LedgerEntryDto] }),
    __metadata("design:type", Array)
], CreditBalanceDto.prototype, "ledger", void 0);
class GrantResultDto {
    created;
    balance;
}
exports.GrantResultDto = GrantResultDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: true, description: 'false when the reference was granted before' }),
    __metadata("design:type", Boolean)
], GrantResultDto.prototype, "created", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '100' }),
    __metadata("design:type", String)
], GrantResultDto.prototype, "balance", void 0);
class CreateCouponDto {
    code;
    name;
    kind;
    percentOff;
    amountOff;
    currency;
    duration;
    durationPeriods;
    expiresAt;
    maxRedemptions;
}
exports.CreateCouponDto = CreateCouponDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'WELCOME20' }),
    (0, class_validator_1.Matches)(CODE, { message: 'code must be 1-100 of letters, digits, _ . : -' }),
    __metadata("design:type", String)
], CreateCouponDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Welcome 20%' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateCouponDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['percentage', 'fixed'], example: 'percentage' }),
    (0, class_validator_1.IsIn)(['percentage', 'fixed']),
    __metadata("design:type", String)
], CreateCouponDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '20' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], CreateCouponDto.prototype, "percentOff", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '10.00' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], CreateCouponDto.prototype, "amountOff", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'USD' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsISO4217CurrencyCode)(),
    __metadata("design:type", String)
], CreateCouponDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['once', 'repeating', 'forever'], example: 'repeating' }),
    (0, class_validator_1.IsIn)(['once', 'repeating', 'forever']),
    __metadata("design:type", String)
], CreateCouponDto.prototype, "duration", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 3 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(120),
    __metadata("design:type", Number)
], CreateCouponDto.prototype, "durationPeriods", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2027-01-01T00:00:00Z' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsDateString)(),
    __metadata("design:type", String)
], CreateCouponDto.prototype, "expiresAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 100 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Number)
], CreateCouponDto.prototype, "maxRedemptions", void 0);
class CouponDto {
    id;
    code;
    name;
    kind;
    percentOff;
    amountOff;
    currency;
    duration;
    durationPeriods;
    expiresAt;
    maxRedemptions;
    redemptions;
}
exports.CouponDto = CouponDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    __metadata("design:type", String)
], CouponDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'WELCOME20' }),
    __metadata("design:type", String)
], CouponDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Welcome 20%' }),
    __metadata("design:type", String)
], CouponDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'percentage' }),
    __metadata("design:type", String)
], CouponDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '20', nullable: true, type: String }),
    __metadata("design:type", Object)
], CouponDto.prototype, "percentOff", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String }),
    __metadata("design:type", Object)
], CouponDto.prototype, "amountOff", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String }),
    __metadata("design:type", Object)
], CouponDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'repeating' }),
    __metadata("design:type", String)
], CouponDto.prototype, "duration", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 3, nullable: true, type: Number }),
    __metadata("design:type", Object)
], CouponDto.prototype, "durationPeriods", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: Date }),
    __metadata("design:type", Object)
], CouponDto.prototype, "expiresAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 100, nullable: true, type: Number }),
    __metadata("design:type", Object)
], CouponDto.prototype, "maxRedemptions", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 0 }),
    __metadata("design:type", Number)
], CouponDto.prototype, "redemptions", void 0);
class CouponListDto {
    data;
}
exports.CouponListDto = CouponListDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [CouponDto] }),
    __metadata("design:type", Array)
], CouponListDto.prototype, "data", void 0);
class RedeemCouponDto {
    code;
}
exports.RedeemCouponDto = RedeemCouponDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'WELCOME20' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    __metadata("design:type", String)
], RedeemCouponDto.prototype, "code", void 0);
class RedemptionDto {
    id;
    code;
    periodsRemaining;
    status;
}
exports.RedemptionDto = RedemptionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    __metadata("design:type", String)
], RedemptionDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'WELCOME20' }),
    __metadata("design:type", String)
], RedemptionDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 3, nullable: true, type: Number }),
    __metadata("design:type", Object)
], RedemptionDto.prototype, "periodsRemaining", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'active' }),
    __metadata("design:type", String)
], RedemptionDto.prototype, "status", void 0);
class CheckoutDto {
    purpose;
    amount;
    subscriptionId;
}
exports.CheckoutDto = CheckoutDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['credit_top_up', 'payment_method'], example: 'credit_top_up' }),
    (0, class_validator_1.IsIn)(['credit_top_up', 'payment_method']),
    __metadata("design:type", String)
], CheckoutDto.prototype, "purpose", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '50.00' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], CheckoutDto.prototype, "amount", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10',
        description: 'payment_method: the subscription it is for (activated when the session completes)',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], CheckoutDto.prototype, "subscriptionId", void 0);
class CheckoutSessionDto {
    id;
    url;
}
exports.CheckoutSessionDto = CheckoutSessionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'cs_test_123' }),
    __metadata("design:type", String)
], CheckoutSessionDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'https://checkout.stripe.com/c/pay/cs_test_123' }),
    __metadata("design:type", String)
], CheckoutSessionDto.prototype, "url", void 0);
class SpendCapDto {
    amount;
    currency;
}
exports.SpendCapDto = SpendCapDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '250.00' }),
    (0, class_validator_1.Matches)(NON_NEG, decimalMsg),
    __metadata("design:type", String)
], SpendCapDto.prototype, "amount", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'USD' }),
    (0, class_validator_1.IsISO4217CurrencyCode)(),
    __metadata("design:type", String)
], SpendCapDto.prototype, "currency", void 0);
class SpendCapViewDto {
    apiKeyId;
    amount;
    currency;
}
exports.SpendCapViewDto = SpendCapViewDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }),
    __metadata("design:type", String)
], SpendCapViewDto.prototype, "apiKeyId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '250' }),
    __metadata("design:type", String)
], SpendCapViewDto.prototype, "amount", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'USD' }),
    __metadata("design:type", String)
], SpendCapViewDto.prototype, "currency", void 0);
//# sourceMappingURL=billing.dto.js.map