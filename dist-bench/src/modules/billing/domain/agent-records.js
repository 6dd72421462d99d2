"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AgentRecordRepository = void 0;
class AgentRecordRepository {
}
exports.AgentRecordRepository = AgentRecordRepository;
//# sourceMappingURL=agent-records.js.map