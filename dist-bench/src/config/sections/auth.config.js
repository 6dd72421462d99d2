"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.authConfig = exports.authConfigSchema = void 0;
const zod_1 = require("zod");
const env_helpers_1 = require("../env-helpers");
const DEV_KEY_ENCRYPTION_KEY = 'ZGV2LW9ubHkta2V5LWVuY3J5cHRpb24ta2V5LTMyYiE=';
const DEV_API_KEY_PEPPER = 'dev-only-api-key-pepper-change-me';
const base64Key32 = zod_1.z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded');
exports.authConfigSchema = zod_1.z.object({
    AUTH_ISSUER: zod_1.z.string().min(1).default('tollgate'),
    AUTH_AUDIENCE: zod_1.z.string().min(1).default('tollgate-api'),
    AUTH_ACCESS_TOKEN_TTL_SECONDS: (0, env_helpers_1.envInt)(900, 30, 86_400),
    AUTH_REFRESH_TOKEN_TTL_SECONDS: (0, env_helpers_1.envInt)(30 * 86_400, 60),
    AUTH_KEY_ENCRYPTION_KEY: base64Key32.default(DEV_KEY_ENCRYPTION_KEY),
    AUTH_API_KEY_PEPPER: zod_1.z.string().min(16).default(DEV_API_KEY_PEPPER),
    AUTH_LOGIN_MAX_FAILURES_PER_ACCOUNT: (0, env_helpers_1.envInt)(5, 1),
    AUTH_LOGIN_MAX_FAILURES_PER_IP: (0, env_helpers_1.envInt)(50, 1),
    AUTH_LOGIN_WINDOW_SECONDS: (0, env_helpers_1.envInt)(900, 1),
    AUTH_SERVICE_ACCOUNTS_FILE: zod_1.z.string().default('config/service-accounts.yaml'),
    AUTH_ARGON2_MEMORY_KIB: (0, env_helpers_1.envInt)(19_456, 1024),
    AUTH_CACHE_TTL_MS: (0, env_helpers_1.envInt)(30_000, 0),
});
const authConfig = (env) => ({
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    accessTokenTtlSeconds: env.AUTH_ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: env.AUTH_REFRESH_TOKEN_TTL_SECONDS,
    keyEncryptionKey: Buffer.from(env.AUTH_KEY_ENCRYPTION_KEY, 'base64'),
    apiKeyPepper: env.AUTH_API_KEY_PEPPER,
    loginMaxFailuresPerAccount: env.AUTH_LOGIN_MAX_FAILURES_PER_ACCOUNT,
    loginMaxFailuresPerIp: env.AUTH_LOGIN_MAX_FAILURES_PER_IP,
    loginWindowSeconds: env.AUTH_LOGIN_WINDOW_SECONDS,
    serviceAccountsFile: env.AUTH_SERVICE_ACCOUNTS_FILE,
    argon2MemoryKib: env.AUTH_ARGON2_MEMORY_KIB,
    cacheTtlMs: env.AUTH_CACHE_TTL_MS,
    devSecretsInUse: [
        ...(env.AUTH_KEY_ENCRYPTION_KEY === DEV_KEY_ENCRYPTION_KEY ? ['AUTH_KEY_ENCRYPTION_KEY'] : []),
        ...(env.AUTH_API_KEY_PEPPER === DEV_API_KEY_PEPPER ? ['AUTH_API_KEY_PEPPER'] : []),
    ],
});
exports.authConfig = authConfig;
//# sourceMappingURL=auth.config.js.map