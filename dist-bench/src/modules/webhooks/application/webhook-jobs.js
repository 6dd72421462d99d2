"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.deliveryJobOptions = exports.DELIVER_WEBHOOK_JOB = void 0;
exports.DELIVER_WEBHOOK_JOB = 'deliver-webhook';
const deliveryJobOptions = (jobId, cfg) => ({
    jobId,
    attempts: cfg.maxAttempts,
    backoff: { type: 'webhook', delay: cfg.backoffBaseMs },
});
exports.deliveryJobOptions = deliveryJobOptions;
//# sourceMappingURL=webhook-jobs.js.map