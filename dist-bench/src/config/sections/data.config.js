"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dataConfig = exports.dataConfigSchema = void 0;
const zod_1 = require("zod");
const env_helpers_1 = require("../env-helpers");
exports.dataConfigSchema = zod_1.z.object({
    DATABASE_URL: zod_1.z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
        .default('postgres://postgres@127.0.0.1:5432/postgres'),
    DATABASE_POOL_SIZE: (0, env_helpers_1.envInt)(20, 1, 500),
    DATABASE_READ_URL: zod_1.z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
        .optional(),
    MIGRATIONS_RUN: (0, env_helpers_1.envBool)(true),
    REDIS_URL: zod_1.z
        .string()
        .regex(/^rediss?:\/\//, 'must be a redis:// URL')
        .default('redis://127.0.0.1:6379'),
    REDIS_KEY_PREFIX: zod_1.z
        .string()
        .regex(/^[a-zA-Z0-9_.:-]+$/)
        .default('tollgate'),
});
const dataConfig = (env) => ({
    databaseUrl: env.DATABASE_URL,
    databaseReadUrl: env.DATABASE_READ_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    migrationsRun: env.MIGRATIONS_RUN,
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
});
exports.dataConfig = dataConfig;
//# sourceMappingURL=data.config.js.map