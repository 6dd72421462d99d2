"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isUuid = exports.newId = void 0;
const node_crypto_1 = require("node:crypto");
const newId = () => (0, node_crypto_1.randomUUID)();
exports.newId = newId;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value) => UUID_RE.test(value);
exports.isUuid = isUuid;
//# sourceMappingURL=ids.js.map