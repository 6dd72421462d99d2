"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BudgetCache = void 0;
class BudgetCache {
}
exports.BudgetCache = BudgetCache;
//# sourceMappingURL=budget-cache.port.js.map