"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ROLES = void 0;
exports.ROLES = ['owner', 'admin', 'billing', 'member', 'viewer'];
//# sourceMappingURL=principal.js.map