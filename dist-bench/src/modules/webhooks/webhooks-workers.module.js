"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.WebhooksWorkersModule = void 0;
const common_1 = require("@nestjs/common");
const invoicing_module_1 = require("../invoicing/invoicing.module");
const outbound_webhooks_processor_1 = require("./adapters/outbound-webhooks.processor");
const stripe_events_processor_1 = require("./adapters/stripe-events.processor");
const webhooks_module_1 = require("./webhooks.module");
let WebhooksWorkersModule = class WebhooksWorkersModule {
};
exports.WebhooksWorkersModule = WebhooksWorkersModule;
exports.WebhooksWorkersModule = WebhooksWorkersModule = __decorate([
    (0, common_1.Module)({
        imports: [webhooks_module_1.WebhooksModule, invoicing_module_1.InvoicingModule],
        providers: [outbound_webhooks_processor_1.OutboundWebhooksProcessor, stripe_events_processor_1.StripeEventsProcessor],
    })
], WebhooksWorkersModule);
//# sourceMappingURL=webhooks-workers.module.js.map