"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.webhooksConfig = exports.webhooksConfigSchema = void 0;
const zod_1 = require("zod");
const env_helpers_1 = require("../env-helpers");
exports.webhooksConfigSchema = zod_1.z.object({
    STRIPE_WEBHOOK_SECRET: zod_1.z.string().optional(),
    STRIPE_WEBHOOK_TOLERANCE_SECONDS: (0, env_helpers_1.envInt)(300, 1, 3600),
    WEBHOOK_MAX_ATTEMPTS: (0, env_helpers_1.envInt)(10, 1, 30),
    WEBHOOK_BACKOFF_BASE_MS: (0, env_helpers_1.envInt)(60000, 1),
    WEBHOOK_BACKOFF_MAX_MS: (0, env_helpers_1.envInt)(6 * 3600 * 1000, 1),
    WEBHOOK_TIMEOUT_MS: (0, env_helpers_1.envInt)(10000, 100, 60000),
    WEBHOOK_RESPONSE_LOG_BYTES: (0, env_helpers_1.envInt)(2048, 0, 65536),
    WEBHOOK_ALLOW_PRIVATE_URLS: (0, env_helpers_1.envBool)(false),
});
const webhooksConfig = (env) => ({
    stripeWebhookSecret: env.STRIPE_WEBHOOK_SECRET,
    stripeToleranceSeconds: env.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
    maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
    backoffBaseMs: env.WEBHOOK_BACKOFF_BASE_MS,
    backoffMaxMs: env.WEBHOOK_BACKOFF_MAX_MS,
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    responseLogBytes: env.WEBHOOK_RESPONSE_LOG_BYTES,
    allowPrivateUrls: env.WEBHOOK_ALLOW_PRIVATE_URLS,
});
exports.webhooksConfig = webhooksConfig;
//# sourceMappingURL=webhooks.config.js.map