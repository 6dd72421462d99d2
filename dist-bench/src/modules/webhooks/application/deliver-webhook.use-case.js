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
exports.DeliverWebhook = exports.DeliveryFailedError = void 0;
const common_1 = require("@nestjs/common");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const webhook_signature_1 = require("../domain/webhook-signature");
const webhook_repository_port_1 = require("../domain/webhook.repository.port");
const webhook_sender_port_1 = require("../domain/webhook-sender.port");
class DeliveryFailedError extends domain_error_1.DomainError {
    constructor(reason) {
        super('upstream_failed', 'webhook_delivery_failed', reason);
    }
}
exports.DeliveryFailedError = DeliveryFailedError;
let DeliverWebhook = class DeliverWebhook {
    deliveries;
    endpoints;
    sender;
    clock;
    constructor(deliveries, endpoints, sender, clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.sender = sender;
        this.clock = clock;
    }
    async execute(tenantId, deliveryId, isLastAttempt) {
        const delivery = await this.deliveries.find(tenantId, deliveryId);
        if (!delivery)
            throw new DeliveryFailedError(`delivery ${deliveryId} not visible yet`);
        if (delivery.status === 'delivered')
            return;
        const endpoint = await this.endpoints.find(tenantId, delivery.endpointId);
        if (!endpoint || !endpoint.enabled) {
            await this.deliveries.recordAttempt(tenantId, deliveryId, { statusCode: null, error: 'endpoint disabled or deleted', responseBody: null, durationMs: 0 }, 'failed');
            return;
        }
        const body = JSON.stringify({
            id: delivery.eventId,
            type: delivery.eventType,
            createdAt: delivery.createdAt.toISOString(),
            data: delivery.payload,
        });
        const timestamp = Math.floor(this.clock.now().getTime() / 1000);
        const response = await this.sender.post(endpoint.url, body, {
            'content-type': 'application/json',
            'user-agent': 'Tollgate-Webhooks/1.0',
            [webhook_signature_1.SIGNATURE_HEADER]: (0, webhook_signature_1.signPayload)(endpoint.secret, timestamp, body),
            'Tollgate-Event-Id': delivery.eventId,
            'Tollgate-Event-Type': delivery.eventType,
            'Tollgate-Delivery-Id': delivery.id,
        });
        const ok = response.statusCode !== null && response.statusCode >= 200 && response.statusCode < 300;
        await this.deliveries.recordAttempt(tenantId, deliveryId, response, ok ? 'delivered' : isLastAttempt ? 'failed' : 'pending');
        if (!ok)
            throw new DeliveryFailedError(response.error ?? `endpoint answered ${response.statusCode}`);
    }
};
exports.DeliverWebhook = DeliverWebhook;
exports.DeliverWebhook = DeliverWebhook = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [webhook_repository_port_1.WebhookDeliveryRepository,
        webhook_repository_port_1.WebhookEndpointRepository,
        webhook_sender_port_1.WebhookSender,
        clock_port_1.Clock])
], DeliverWebhook);
//# sourceMappingURL=deliver-webhook.use-case.js.map