"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConfigError = exports.AppConfig = void 0;
exports.loadConfig = loadConfig;
const core_config_1 = require("./sections/core.config");
const data_config_1 = require("./sections/data.config");
const auth_config_1 = require("./sections/auth.config");
const chat_config_1 = require("./sections/chat.config");
const billing_config_1 = require("./sections/billing.config");
const invoicing_config_1 = require("./sections/invoicing.config");
const webhooks_config_1 = require("./sections/webhooks.config");
const envSchema = core_config_1.coreConfigSchema
    .extend(data_config_1.dataConfigSchema.shape)
    .extend(auth_config_1.authConfigSchema.shape)
    .extend(chat_config_1.chatConfigSchema.shape)
    .extend(billing_config_1.billingConfigSchema.shape)
    .extend(invoicing_config_1.invoicingConfigSchema.shape)
    .extend(webhooks_config_1.webhooksConfigSchema.shape);
const build = (env) => ({
    ...(0, core_config_1.coreConfig)(env),
    ...(0, data_config_1.dataConfig)(env),
    auth: (0, auth_config_1.authConfig)(env),
    chat: (0, chat_config_1.chatConfig)(env),
    billing: (0, billing_config_1.billingConfig)(env),
    invoicing: (0, invoicing_config_1.invoicingConfig)(env),
    webhooks: (0, webhooks_config_1.webhooksConfig)(env),
});
class AppConfig {
}
exports.AppConfig = AppConfig;
class ConfigError extends Error {
}
exports.ConfigError = ConfigError;
function loadConfig(source = process.env, overrides = {}) {
    const merged = { ...source, ...overrides };
    for (const key of Object.keys(merged))
        if (merged[key] === '')
            delete merged[key];
    const parsed = envSchema.safeParse(merged);
    if (!parsed.success) {
        const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
        throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
    }
    return build(parsed.data);
}
//# sourceMappingURL=app-config.js.map