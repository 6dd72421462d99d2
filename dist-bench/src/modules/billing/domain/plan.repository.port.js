"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PlanRepository = void 0;
class PlanRepository {
}
exports.PlanRepository = PlanRepository;
//# sourceMappingURL=plan.repository.port.js.map