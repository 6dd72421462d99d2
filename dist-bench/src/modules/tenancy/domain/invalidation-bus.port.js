"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvalidationBus = void 0;
class InvalidationBus {
}
exports.InvalidationBus = InvalidationBus;
//# sourceMappingURL=invalidation-bus.port.js.map