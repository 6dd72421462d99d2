"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AgentDirectory = void 0;
class AgentDirectory {
}
exports.AgentDirectory = AgentDirectory;
//# sourceMappingURL=agents.js.map