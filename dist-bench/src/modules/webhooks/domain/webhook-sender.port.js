"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WebhookSender = void 0;
class WebhookSender {
}
exports.WebhookSender = WebhookSender;
//# sourceMappingURL=webhook-sender.port.js.map