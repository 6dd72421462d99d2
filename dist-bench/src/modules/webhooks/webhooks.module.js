"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.WebhooksModule = void 0;
const common_1 = require("@nestjs/common");
const webhook_events_1 = require("../../shared/contracts/webhook-events");
const invoicing_module_1 = require("../invoicing/invoicing.module");
const webhook_repository_port_1 = require("./domain/webhook.repository.port");
const webhook_sender_port_1 = require("./domain/webhook-sender.port");
const stripe_event_repository_port_1 = require("./domain/stripe-event.repository.port");
const publish_webhook_event_1 = require("./application/publish-webhook-event");
const deliver_webhook_use_case_1 = require("./application/deliver-webhook.use-case");
const redeliver_webhook_use_case_1 = require("./application/redeliver-webhook.use-case");
const manage_webhook_endpoints_use_case_1 = require("./application/manage-webhook-endpoints.use-case");
const receive_stripe_event_use_case_1 = require("./application/receive-stripe-event.use-case");
const process_stripe_event_use_case_1 = require("./application/process-stripe-event.use-case");
const webhook_endpoints_controller_1 = require("./adapters/webhook-endpoints.controller");
const stripe_webhook_controller_1 = require("./adapters/stripe-webhook.controller");
const http_webhook_sender_1 = require("./adapters/http-webhook-sender");
const typeorm_webhook_repository_1 = require("./adapters/typeorm-webhook.repository");
const typeorm_stripe_event_repository_1 = require("./adapters/typeorm-stripe-event.repository");
let WebhooksModule = class WebhooksModule {
};
exports.WebhooksModule = WebhooksModule;
exports.WebhooksModule = WebhooksModule = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({
        imports: [invoicing_module_1.InvoicingModule],
        controllers: [webhook_endpoints_controller_1.WebhookEndpointsController, stripe_webhook_controller_1.StripeWebhookController],
        providers: [
            { provide: webhook_repository_port_1.WebhookEndpointRepository, useClass: typeorm_webhook_repository_1.TypeOrmWebhookEndpointRepository },
            { provide: webhook_repository_port_1.WebhookDeliveryRepository, useClass: typeorm_webhook_repository_1.TypeOrmWebhookDeliveryRepository },
            { provide: stripe_event_repository_port_1.StripeEventRepository, useClass: typeorm_stripe_event_repository_1.TypeOrmStripeEventRepository },
            { provide: webhook_sender_port_1.WebhookSender, useClass: http_webhook_sender_1.HttpWebhookSender },
            { provide: webhook_events_1.WebhookEvents, useClass: publish_webhook_event_1.PublishWebhookEvent },
            deliver_webhook_use_case_1.DeliverWebhook,
            redeliver_webhook_use_case_1.RedeliverWebhook,
            manage_webhook_endpoints_use_case_1.CreateWebhookEndpoint,
            manage_webhook_endpoints_use_case_1.UpdateWebhookEndpoint,
            receive_stripe_event_use_case_1.ReceiveStripeEvent,
            process_stripe_event_use_case_1.ProcessStripeEvent,
        ],
        exports: [webhook_events_1.WebhookEvents, webhook_sender_port_1.WebhookSender, deliver_webhook_use_case_1.DeliverWebhook, process_stripe_event_use_case_1.ProcessStripeEvent, stripe_event_repository_port_1.StripeEventRepository],
    })
], WebhooksModule);
//# sourceMappingURL=webhooks.module.js.map