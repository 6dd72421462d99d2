"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AgentActivityReader = void 0;
class AgentActivityReader {
}
exports.AgentActivityReader = AgentActivityReader;
//# sourceMappingURL=agent-activity.port.js.map