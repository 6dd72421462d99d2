"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WebhookDeliveryRepository = exports.WebhookEndpointRepository = void 0;
class WebhookEndpointRepository {
}
exports.WebhookEndpointRepository = WebhookEndpointRepository;
class WebhookDeliveryRepository {
}
exports.WebhookDeliveryRepository = WebhookDeliveryRepository;
//# sourceMappingURL=webhook.repository.port.js.map