"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PrincipalResolver = void 0;
class PrincipalResolver {
}
exports.PrincipalResolver = PrincipalResolver;
//# sourceMappingURL=principal-resolver.port.js.map