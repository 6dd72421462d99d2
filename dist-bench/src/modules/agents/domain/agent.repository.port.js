"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AgentRepository = void 0;
class AgentRepository {
}
exports.AgentRepository = AgentRepository;
//# sourceMappingURL=agent.repository.port.js.map