"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FailedJobRepository = void 0;
class FailedJobRepository {
}
exports.FailedJobRepository = FailedJobRepository;
//# sourceMappingURL=failed-job.repository.port.js.map