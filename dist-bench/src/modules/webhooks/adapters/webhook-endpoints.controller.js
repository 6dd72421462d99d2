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
exports.WebhookEndpointsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../../../shared/http/auth.decorators");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const webhook_repository_port_1 = require("../domain/webhook.repository.port");
const manage_webhook_endpoints_use_case_1 = require("../application/manage-webhook-endpoints.use-case");
const redeliver_webhook_use_case_1 = require("../application/redeliver-webhook.use-case");
const webhooks_dto_1 = require("./webhooks.dto");
const idParam = (what, id) => {
    if (!(0, ids_1.isUuid)(id))
        throw new domain_error_1.NotFoundError(what, id);
    return id;
};
let WebhookEndpointsController = class WebhookEndpointsController {
    endpoints;
    deliveries;
    createEndpoint;
    updateEndpoint;
    redeliverWebhook;
    constructor(endpoints, deliveries, createEndpoint, updateEndpoint, redeliverWebhook) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.createEndpoint = createEndpoint;
        this.updateEndpoint = updateEndpoint;
        this.redeliverWebhook = redeliverWebhook;
    }
    async endpointOf(tenantId, id) {
        const endpoint = await this.endpoints.find(tenantId, idParam('Webhook endpoint', id));
        if (!endpoint)
            throw new domain_error_1.NotFoundError('Webhook endpoint', id);
        return endpoint;
    }
    async create(tenantId, body) {
        const endpoint = await this.createEndpoint.execute(tenantId, body);
        return { ...webhooks_dto_1.WebhookEndpointDto.of(endpoint), secret: endpoint.secret };
    }
    async list(tenantId) {
        return { items: (await this.endpoints.list(tenantId)).map(webhooks_dto_1.WebhookEndpointDto.of) };
    }
    async get(tenantId, id) {
        return webhooks_dto_1.WebhookEndpointDto.of(await this.endpointOf(tenantId, id));
    }
    async update(tenantId, id, body) {
        return webhooks_dto_1.WebhookEndpointDto.of(await this.updateEndpoint.execute(tenantId, idParam('Webhook endpoint', id), body));
    }
    async remove(tenantId, id) {
        if (!(await this.endpoints.delete(tenantId, idParam('Webhook endpoint', id))))
            throw new domain_error_1.NotFoundError('Webhook endpoint', id);
    }
    async deliveriesOf(tenantId, id, query) {
        const endpoint = await this.endpointOf(tenantId, id);
        const items = await this.deliveries.listForEndpoint(tenantId, endpoint.id, query.limit ?? 50);
        return { items: items.map((d) => webhooks_dto_1.WebhookDeliveryDto.of(d)) };
    }
    async delivery(tenantId, id, deliveryId) {
        const delivery = await this.deliveries.find(tenantId, idParam('Webhook delivery', deliveryId));
        if (!delivery || delivery.endpointId !== id)
            throw new domain_error_1.NotFoundError('Webhook delivery', deliveryId);
        return webhooks_dto_1.WebhookDeliveryDto.of(delivery, await this.deliveries.attempts(tenantId, deliveryId));
    }
    async redeliver(tenantId, id, deliveryId) {
        return webhooks_dto_1.WebhookDeliveryDto.of(await this.redeliverWebhook.execute(tenantId, id, idParam('Webhook delivery', deliveryId)));
    }
};
exports.WebhookEndpointsController = WebhookEndpointsController;
__decorate([
    (0, common_1.Post)(),
    (0, auth_decorators_1.Scopes)('webhooks:manage'),
    (0, swagger_1.ApiOperation)({ summary: 'Register a webhook endpoint (the signing secret is shown once)' }),
    (0, swagger_1.ApiCreatedResponse)({ type: webhooks_dto_1.CreatedWebhookEndpointDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, webhooks_dto_1.CreateWebhookEndpointDto]),
    __metadata("design:returntype", Promise)
], WebhookEndpointsController.prototype, "create", null);
__decorate([
    (0, common_1.Get)(),
    (0, auth_decorators_1.Scopes)('webhooks:read'),
    (0, swagger_1.ApiOperation)({ summary: 'List webhook endpoints' }),
    (0, swagger_1.ApiOkResponse)({ type: webhooks_dto_1.WebhookEndpointListDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], WebhookEndpointsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, auth_decorators_1.Scopes)('webhooks:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Get a webhook endpoint' }),
    (0, swagger_1.ApiOkResponse)({ type: webhooks_dto_1.WebhookEndpointDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], WebhookEndpointsController.prototype, "get", null);
__decorate([
    (0, common_1.Patch)(':id'),
    (0, auth_decorators_1.Scopes)('webhooks:manage'),
    (0, swagger_1.ApiOperation)({ summary: 'Change a webhook endpoint (URL, event types, enabled)' }),
    (0, swagger_1.ApiOkResponse)({ type: webhooks_dto_1.WebhookEndpointDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, webhooks_dto_1.UpdateWebhookEndpointDto]),
    __metadata("design:returntype", Promise)
], WebhookEndpointsController.prototype, "update", null);
__decorate([
    (0, common_1.Delete)(':id'),
    (0, common_1.HttpCode)(204),
    (0, auth_decorators_1.Scopes)('webhooks:manage'),
    (0, swagger_1.ApiOperation)({ summary: 'Delete a webhook endpoint and its delivery log' }),
    (0, swagger_1.ApiNoContentResponse)({ description: 'Deleted' }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], WebhookEndpointsController.prototype, "remove", null);
__decorate([
    (0, common_1.Get)(':id/deliveries'),
    (0, auth_decorators_1.Scopes)('webhooks:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Delivery log of an endpoint, newest first' }),
    (0, swagger_1.ApiOkResponse)({ type: webhooks_dto_1.WebhookDeliveryListDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, webhooks_dto_1.ListDeliveriesQuery]),
    __metadata("design:returntype", Promise)
], WebhookEndpointsController.prototype, "deliveriesOf", null);
__decorate([
    (0, common_1.Get)(':id/deliveries/:deliveryId'),
    (0, auth_decorators_1.Scopes)('webhooks:read'),
    (0, swagger_1.ApiOperation)({ summary: 'One delivery with its attempt log (status codes, errors, timings)' }),
    (0, swagger_1.ApiOkResponse)({ type: webhooks_dto_1.WebhookDeliveryDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Param)('deliveryId')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, String]),
    __metadata("design:returntype", Promise)
], WebhookEndpointsController.prototype, "delivery", null);
__decorate([
    (0, common_1.Post)(':id/deliveries/:deliveryId/redeliver'),
    (0, common_1.HttpCode)(202),
    (0, auth_decorators_1.Scopes)('webhooks:manage'),
    (0, swagger_1.ApiOperation)({ summary: 'Send a delivery again (same event id and body, fresh retry schedule)' }),
    (0, swagger_1.ApiAcceptedResponse)({ type: webhooks_dto_1.WebhookDeliveryDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Param)('deliveryId')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, String]),
    __metadata("design:returntype", Promise)
], WebhookEndpointsController.prototype, "redeliver", null);
exports.WebhookEndpointsController = WebhookEndpointsController = __decorate([
    (0, swagger_1.ApiTags)('webhooks'),
    (0, common_1.Controller)('api/v1/webhook-endpoints'),
    __metadata("design:paramtypes", [webhook_repository_port_1.WebhookEndpointRepository,
        webhook_repository_port_1.WebhookDeliveryRepository,
        manage_webhook_endpoints_use_case_1.CreateWebhookEndpoint,
        manage_webhook_endpoints_use_case_1.UpdateWebhookEndpoint,
        redeliver_webhook_use_case_1.RedeliverWebhook])
], WebhookEndpointsController);
//# sourceMappingURL=webhook-endpoints.controller.js.map