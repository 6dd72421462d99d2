"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WebhookEvents = exports.WEBHOOK_EVENT_TYPES = void 0;
exports.WEBHOOK_EVENT_TYPES = [
    'invoice.finalized',
    'invoice.paid',
    'invoice.voided',
    'invoice.payment_failed',
    'invoice.overdue',
    'credit_note.created',
    'subscription.updated',
    'outcome.verified',
    'outcome.rejected',
    'credits.low',
];
class WebhookEvents {
}
exports.WebhookEvents = WebhookEvents;
//# sourceMappingURL=webhook-events.js.map