"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ToolRegistry = exports.AgentTool = void 0;
class AgentTool {
    available() {
        return true;
    }
}
exports.AgentTool = AgentTool;
class ToolRegistry {
}
exports.ToolRegistry = ToolRegistry;
//# sourceMappingURL=tool.port.js.map