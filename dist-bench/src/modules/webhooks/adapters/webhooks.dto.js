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
exports.WebhookDeliveryListDto = exports.WebhookDeliveryDto = exports.DeliveryAttemptDto = exports.WebhookEndpointListDto = exports.CreatedWebhookEndpointDto = exports.WebhookEndpointDto = exports.ListDeliveriesQuery = exports.UpdateWebhookEndpointDto = exports.CreateWebhookEndpointDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const webhook_events_1 = require("../../../shared/contracts/webhook-events");
const URL_OPTS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };
class CreateWebhookEndpointDto {
    url;
    eventTypes;
    description;
    secret;
}
exports.CreateWebhookEndpointDto = CreateWebhookEndpointDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'https://example.com/hooks/tollgate' }),
    (0, class_validator_1.IsUrl)(URL_OPTS),
    (0, class_validator_1.MaxLength)(2000),
    __metadata("design:type", String)
], CreateWebhookEndpointDto.prototype, "url", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        example: ['invoice.finalized', 'invoice.paid'],
        enum: [...webhook_events_1.WEBHOOK_EVENT_TYPES, '*'],
        isArray: true,
    }),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(50),
    (0, class_validator_1.IsString)({ each: true }),
    __metadata("design:type", Array)
], CreateWebhookEndpointDto.prototype, "eventTypes", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'ERP sync' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(500),
    __metadata("design:type", String)
], CreateWebhookEndpointDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'whsec_my_own_secret_value', description: 'Generated when omitted' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(16),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateWebhookEndpointDto.prototype, "secret", void 0);
class UpdateWebhookEndpointDto {
    url;
    eventTypes;
    description;
    enabled;
}
exports.UpdateWebhookEndpointDto = UpdateWebhookEndpointDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'https://example.com/hooks/tollgate' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUrl)(URL_OPTS),
    (0, class_validator_1.MaxLength)(2000),
    __metadata("design:type", String)
], UpdateWebhookEndpointDto.prototype, "url", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: ['*'], isArray: true }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(50),
    (0, class_validator_1.IsString)({ each: true }),
    __metadata("design:type", Array)
], UpdateWebhookEndpointDto.prototype, "eventTypes", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'ERP sync' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(500),
    __metadata("design:type", String)
], UpdateWebhookEndpointDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: false }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], UpdateWebhookEndpointDto.prototype, "enabled", void 0);
class ListDeliveriesQuery {
    limit;
}
exports.ListDeliveriesQuery = ListDeliveriesQuery;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 50, minimum: 1, maximum: 200 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(200),
    __metadata("design:type", Number)
], ListDeliveriesQuery.prototype, "limit", void 0);
class WebhookEndpointDto {
    id;
    url;
    description;
    eventTypes;
    enabled;
    createdAt;
    static of(e) {
        return {
            id: e.id,
            url: e.url,
            description: e.description,
            eventTypes: e.eventTypes,
            enabled: e.enabled,
            createdAt: e.createdAt.toISOString(),
        };
    }
}
exports.WebhookEndpointDto = WebhookEndpointDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '0b6f3c1e-7f3a-4a8b-9a43-0f3f2f6f7a10' }),
    __metadata("design:type", String)
], WebhookEndpointDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'https://example.com/hooks/tollgate' }),
    __metadata("design:type", String)
], WebhookEndpointDto.prototype, "url", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'ERP sync', nullable: true, type: String }),
    __metadata("design:type", Object)
], WebhookEndpointDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: ['invoice.finalized'] }),
    __metadata("design:type", Array)
], WebhookEndpointDto.prototype, "eventTypes", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: true }),
    __metadata("design:type", Boolean)
], WebhookEndpointDto.prototype, "enabled", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T10:00:00.000Z' }),
    __metadata("design:type", String)
], WebhookEndpointDto.prototype, "createdAt", void 0);
class CreatedWebhookEndpointDto extends WebhookEndpointDto {
    secret;
}
exports.CreatedWebhookEndpointDto = CreatedWebhookEndpointDto;
__decorate([
    (0, swagger_1.ApiProperty)({
        example: 'whsec_kq2...',
        description: 'Signing secret; shown only when the endpoint is created',
    }),
    __metadata("design:type", String)
], CreatedWebhookEndpointDto.prototype, "secret", void 0);
class WebhookEndpointListDto {
    items;
}
exports.WebhookEndpointListDto = WebhookEndpointListDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [WebhookEndpointDto] }),
    __metadata("design:type", Array)
], WebhookEndpointListDto.prototype, "items", void 0);
class DeliveryAttemptDto {
    attempt;
    statusCode;
    error;
    responseBody;
    durationMs;
    createdAt;
    static of(a) {
        return { ...a, createdAt: a.createdAt.toISOString() };
    }
}
exports.DeliveryAttemptDto = DeliveryAttemptDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 1 }),
    __metadata("design:type", Number)
], DeliveryAttemptDto.prototype, "attempt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 500, nullable: true, type: Number }),
    __metadata("design:type", Object)
], DeliveryAttemptDto.prototype, "statusCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String }),
    __metadata("design:type", Object)
], DeliveryAttemptDto.prototype, "error", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'internal error', nullable: true, type: String }),
    __metadata("design:type", Object)
], DeliveryAttemptDto.prototype, "responseBody", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 42 }),
    __metadata("design:type", Number)
], DeliveryAttemptDto.prototype, "durationMs", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T10:00:00.000Z' }),
    __metadata("design:type", String)
], DeliveryAttemptDto.prototype, "createdAt", void 0);
class WebhookDeliveryDto {
    id;
    eventId;
    eventType;
    payload;
    status;
    attempts;
    lastStatusCode;
    lastError;
    deliveredAt;
    createdAt;
    attemptLog;
    static of(d, attempts) {
        return {
            id: d.id,
            eventId: d.eventId,
            eventType: d.eventType,
            payload: d.payload,
            status: d.status,
            attempts: d.attempts,
            lastStatusCode: d.lastStatusCode,
            lastError: d.lastError,
            deliveredAt: d.deliveredAt?.toISOString() ?? null,
            createdAt: d.createdAt.toISOString(),
            ...(attempts ? { attemptLog: attempts.map(DeliveryAttemptDto.of) } : {}),
        };
    }
}
exports.WebhookDeliveryDto = WebhookDeliveryDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '4f7c...' }),
    __metadata("design:type", String)
], WebhookDeliveryDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '1c2d...', description: 'Same for every endpoint and every retry of the event' }),
    __metadata("design:type", String)
], WebhookDeliveryDto.prototype, "eventId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'invoice.finalized' }),
    __metadata("design:type", String)
], WebhookDeliveryDto.prototype, "eventType", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: { invoiceId: '...' } }),
    __metadata("design:type", Object)
], WebhookDeliveryDto.prototype, "payload", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'delivered', enum: ['pending', 'delivered', 'failed'] }),
    __metadata("design:type", String)
], WebhookDeliveryDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 2 }),
    __metadata("design:type", Number)
], WebhookDeliveryDto.prototype, "attempts", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 200, nullable: true, type: Number }),
    __metadata("design:type", Object)
], WebhookDeliveryDto.prototype, "lastStatusCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String }),
    __metadata("design:type", Object)
], WebhookDeliveryDto.prototype, "lastError", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T10:00:01.000Z', nullable: true, type: String }),
    __metadata("design:type", Object)
], WebhookDeliveryDto.prototype, "deliveredAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T10:00:00.000Z' }),
    __metadata("design:type", String)
], WebhookDeliveryDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: [DeliveryAttemptDto], description: 'The attempt log (single delivery only)' }),
    __metadata("design:type", Array)
], WebhookDeliveryDto.prototype, "attemptLog", void 0);
class WebhookDeliveryListDto {
    items;
}
exports.WebhookDeliveryListDto = WebhookDeliveryListDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [WebhookDeliveryDto] }),
    __metadata("design:type", Array)
], WebhookDeliveryListDto.prototype, "items", void 0);
//# sourceMappingURL=webhooks.dto.js.map