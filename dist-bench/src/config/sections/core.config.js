"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.coreConfig = exports.coreConfigSchema = void 0;
const zod_1 = require("zod");
const env_helpers_1 = require("../env-helpers");
exports.coreConfigSchema = zod_1.z.object({
    NODE_ENV: zod_1.z.enum(['development', 'test', 'production']).default('development'),
    PORT: (0, env_helpers_1.envInt)(3000, 0, 65535),
    HOST: zod_1.z.string().default('0.0.0.0'),
    LOG_LEVEL: zod_1.z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BODY_LIMIT_BYTES: (0, env_helpers_1.envInt)(1024 * 1024, 1024),
    WORKERS_IN_API: (0, env_helpers_1.envBool)(true),
    PUBLIC_BASE_URL: zod_1.z.string().url().default('http://localhost:3000'),
    TRUST_PROXY: (0, env_helpers_1.envBool)(false),
});
const coreConfig = (env) => ({
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    workersInApi: env.WORKERS_IN_API,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    trustProxy: env.TRUST_PROXY,
});
exports.coreConfig = coreConfig;
//# sourceMappingURL=core.config.js.map