"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.QUEUES = void 0;
exports.QUEUES = {
    invoicing: 'invoicing',
    outcomeVerification: 'outcome-verification',
    usageRecords: 'usage-records',
    stripeEvents: 'stripe-events',
    outboundWebhooks: 'outbound-webhooks',
};
//# sourceMappingURL=queue-names.js.map