"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.asTenantId = void 0;
const asTenantId = (value) => value;
exports.asTenantId = asTenantId;
//# sourceMappingURL=tenant-id.js.map