"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.envList = exports.envUrl = exports.envInt = exports.envBool = void 0;
const zod_1 = require("zod");
const envBool = (def) => zod_1.z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(def ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');
exports.envBool = envBool;
const envInt = (def, min = 0, max = Number.MAX_SAFE_INTEGER) => zod_1.z.coerce.number().int().min(min).max(max).default(def);
exports.envInt = envInt;
const envUrl = (def) => zod_1.z.string().url().default(def);
exports.envUrl = envUrl;
const envList = (def) => zod_1.z
    .string()
    .default(def)
    .transform((v) => v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean));
exports.envList = envList;
//# sourceMappingURL=env-helpers.js.map