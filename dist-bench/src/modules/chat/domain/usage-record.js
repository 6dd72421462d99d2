"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UsageStore = exports.UsageBuffer = void 0;
class UsageBuffer {
}
exports.UsageBuffer = UsageBuffer;
class UsageStore {
}
exports.UsageStore = UsageStore;
//# sourceMappingURL=usage-record.js.map