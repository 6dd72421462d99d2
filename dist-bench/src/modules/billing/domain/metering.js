"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UsageRepository = exports.MetricRepository = void 0;
class MetricRepository {
}
exports.MetricRepository = MetricRepository;
class UsageRepository {
}
exports.UsageRepository = UsageRepository;
//# sourceMappingURL=metering.js.map