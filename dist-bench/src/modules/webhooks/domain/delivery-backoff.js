"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.deliveryBackoffMs = deliveryBackoffMs;
function deliveryBackoffMs(attempt, baseMs, maxMs) {
    return Math.min(maxMs, baseMs * 3 ** Math.max(0, attempt - 1));
}
//# sourceMappingURL=delivery-backoff.js.map