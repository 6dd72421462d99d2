"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.billingConfig = exports.billingConfigSchema = void 0;
const zod_1 = require("zod");
const env_helpers_1 = require("../env-helpers");
exports.billingConfigSchema = zod_1.z.object({
    STRIPE_SECRET_KEY: zod_1.z.string().optional(),
    STRIPE_API_BASE: (0, env_helpers_1.envUrl)('https://api.stripe.com'),
    STRIPE_TIMEOUT_MS: (0, env_helpers_1.envInt)(10_000, 100),
    CHECKOUT_SUCCESS_URL: (0, env_helpers_1.envUrl)('http://localhost:3000/checkout/success'),
    CHECKOUT_CANCEL_URL: (0, env_helpers_1.envUrl)('http://localhost:3000/checkout/cancel'),
    USAGE_MAX_FUTURE_SECONDS: (0, env_helpers_1.envInt)(300, 0),
    BUDGET_CACHE_SECONDS: (0, env_helpers_1.envInt)(30, 0),
    CREDITS_LOW_THRESHOLD: zod_1.z
        .string()
        .regex(/^\d{1,20}(\.\d{1,12})?$/, 'a non-negative decimal, e.g. "10"')
        .default('10'),
});
const billingConfig = (env) => {
    const base = new URL(env.STRIPE_API_BASE);
    const protocol = base.protocol.replace(':', '');
    return {
        stripe: {
            secretKey: env.STRIPE_SECRET_KEY ?? null,
            host: base.hostname,
            port: Number(base.port || (protocol === 'https' ? 443 : 80)),
            protocol,
            timeoutMs: env.STRIPE_TIMEOUT_MS,
        },
        checkoutSuccessUrl: env.CHECKOUT_SUCCESS_URL,
        checkoutCancelUrl: env.CHECKOUT_CANCEL_URL,
        usageMaxFutureSeconds: env.USAGE_MAX_FUTURE_SECONDS,
        budgetCacheSeconds: env.BUDGET_CACHE_SECONDS,
        creditsLowThreshold: env.CREDITS_LOW_THRESHOLD,
    };
};
exports.billingConfig = billingConfig;
//# sourceMappingURL=billing.config.js.map