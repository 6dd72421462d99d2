"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SpendGuard = exports.RateLimiter = void 0;
class RateLimiter {
}
exports.RateLimiter = RateLimiter;
class SpendGuard {
}
exports.SpendGuard = SpendGuard;
//# sourceMappingURL=limits.port.js.map