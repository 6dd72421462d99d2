"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.chatConfig = exports.chatConfigSchema = void 0;
const zod_1 = require("zod");
const money_1 = require("../../shared/domain/money");
const env_helpers_1 = require("../env-helpers");
const envJson = (def, schema) => zod_1.z
    .string()
    .default(def)
    .transform((raw, ctx) => {
    try {
        return JSON.parse(raw);
    }
    catch {
        ctx.addIssue({ code: 'custom', message: 'must be valid JSON' });
        return zod_1.z.NEVER;
    }
})
    .pipe(schema);
const perMillion = zod_1.z.string().regex(money_1.DECIMAL_STRING_RE, 'must be a decimal string');
const modelSchema = zod_1.z.object({
    input: perMillion,
    output: perMillion,
    contextWindow: zod_1.z.number().int().min(256),
    maxOutputTokens: zod_1.z.number().int().min(1),
});
const DEFAULT_MODELS = JSON.stringify({
    'gpt-4o-mini': { input: '0.15', output: '0.60', contextWindow: 128000, maxOutputTokens: 16384 },
    'gpt-4o': { input: '2.50', output: '10.00', contextWindow: 128000, maxOutputTokens: 16384 },
    'gpt-4.1': { input: '2.00', output: '8.00', contextWindow: 1047576, maxOutputTokens: 32768 },
    'gpt-4.1-mini': { input: '0.40', output: '1.60', contextWindow: 1047576, maxOutputTokens: 32768 },
    'gpt-4.1-nano': { input: '0.10', output: '0.40', contextWindow: 1047576, maxOutputTokens: 32768 },
});
const providerSchema = zod_1.z.object({ baseUrl: zod_1.z.string().url(), apiKey: zod_1.z.string().min(1) });
exports.chatConfigSchema = zod_1.z.object({
    OPENAI_BASE_URL: (0, env_helpers_1.envUrl)('https://api.openai.com/v1'),
    OPENAI_API_KEY: zod_1.z.string().default('unset'),
    CHAT_PROVIDERS: envJson('{}', zod_1.z.record(zod_1.z.string().regex(/^[a-z0-9_-]{1,40}$/), providerSchema)),
    CHAT_MODELS: envJson(DEFAULT_MODELS, zod_1.z.record(zod_1.z.string().min(1), modelSchema)),
    CHAT_CURRENCY: zod_1.z
        .string()
        .regex(/^[A-Z]{3}$/)
        .default('USD'),
    CHAT_DEFAULT_MAX_TOKENS: (0, env_helpers_1.envInt)(1024, 1),
    CHAT_MAX_TOOL_ROUNDS: (0, env_helpers_1.envInt)(4, 1, 20),
    CHAT_UPSTREAM_TIMEOUT_MS: (0, env_helpers_1.envInt)(60000, 50),
    CHAT_UPSTREAM_MAX_RETRIES: (0, env_helpers_1.envInt)(2, 0, 10),
    CHAT_RETRY_BASE_MS: (0, env_helpers_1.envInt)(200, 1),
    CHAT_RPM_PER_KEY: (0, env_helpers_1.envInt)(600, 1),
    CHAT_RPM_PER_TENANT: (0, env_helpers_1.envInt)(3000, 1),
    CHAT_TPM_PER_KEY: (0, env_helpers_1.envInt)(200000, 1),
    CHAT_TPM_PER_TENANT: (0, env_helpers_1.envInt)(1000000, 1),
    CHAT_AGENT_CACHE_MS: (0, env_helpers_1.envInt)(2000, 0),
    CHAT_USAGE_BATCH_SIZE: (0, env_helpers_1.envInt)(500, 1, 5000),
    TOOLS_HTTP_ALLOWLIST: (0, env_helpers_1.envList)(''),
    TOOLS_HTTP_TIMEOUT_MS: (0, env_helpers_1.envInt)(5000, 50),
    TOOLS_HTTP_MAX_BYTES: (0, env_helpers_1.envInt)(65536, 256),
    TAVILY_API_KEY: zod_1.z.string().optional(),
    TAVILY_BASE_URL: (0, env_helpers_1.envUrl)('https://api.tavily.com'),
    CONVERSATION_RETENTION_DAYS: (0, env_helpers_1.envInt)(30, 0),
});
const chatConfig = (env) => ({
    providers: {
        default: { baseUrl: env.OPENAI_BASE_URL, apiKey: env.OPENAI_API_KEY },
        ...env.CHAT_PROVIDERS,
    },
    models: env.CHAT_MODELS,
    currency: env.CHAT_CURRENCY,
    defaultMaxTokens: env.CHAT_DEFAULT_MAX_TOKENS,
    maxToolRounds: env.CHAT_MAX_TOOL_ROUNDS,
    upstreamTimeoutMs: env.CHAT_UPSTREAM_TIMEOUT_MS,
    upstreamMaxRetries: env.CHAT_UPSTREAM_MAX_RETRIES,
    retryBaseMs: env.CHAT_RETRY_BASE_MS,
    limits: {
        rpmPerKey: env.CHAT_RPM_PER_KEY,
        rpmPerTenant: env.CHAT_RPM_PER_TENANT,
        tpmPerKey: env.CHAT_TPM_PER_KEY,
        tpmPerTenant: env.CHAT_TPM_PER_TENANT,
    },
    agentCacheMs: env.CHAT_AGENT_CACHE_MS,
    usageBatchSize: env.CHAT_USAGE_BATCH_SIZE,
    tools: {
        httpAllowlist: env.TOOLS_HTTP_ALLOWLIST.map((h) => h.toLowerCase()),
        httpTimeoutMs: env.TOOLS_HTTP_TIMEOUT_MS,
        httpMaxBytes: env.TOOLS_HTTP_MAX_BYTES,
        tavilyApiKey: env.TAVILY_API_KEY,
        tavilyBaseUrl: env.TAVILY_BASE_URL,
    },
    conversationRetentionDays: env.CONVERSATION_RETENTION_DAYS,
});
exports.chatConfig = chatConfig;
//# sourceMappingURL=chat.config.js.map