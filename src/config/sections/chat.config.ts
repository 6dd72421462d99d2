import { z } from 'zod';
import { DECIMAL_STRING_RE } from '../../shared/domain/money';
import { envInt, envList, envUrl } from '../env-helpers';

/** Env JSON: a string parsed as JSON, then checked against `schema`; a bad value names the variable. */
const envJson = <S extends z.ZodType>(def: string, schema: S) =>
  z
    .string()
    .default(def)
    .transform((raw, ctx) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

const perMillion = z.string().regex(DECIMAL_STRING_RE, 'must be a decimal string');

/** Price and limits of one model, per million tokens in CHAT_CURRENCY. */
const modelSchema = z.object({
  input: perMillion,
  output: perMillion,
  contextWindow: z.number().int().min(256),
  maxOutputTokens: z.number().int().min(1),
});

const DEFAULT_MODELS = JSON.stringify({
  'gpt-4o-mini': { input: '0.15', output: '0.60', contextWindow: 128000, maxOutputTokens: 16384 },
  'gpt-4o': { input: '2.50', output: '10.00', contextWindow: 128000, maxOutputTokens: 16384 },
  'gpt-4.1': { input: '2.00', output: '8.00', contextWindow: 1047576, maxOutputTokens: 32768 },
  'gpt-4.1-mini': { input: '0.40', output: '1.60', contextWindow: 1047576, maxOutputTokens: 32768 },
  'gpt-4.1-nano': { input: '0.10', output: '0.40', contextWindow: 1047576, maxOutputTokens: 32768 },
});

const providerSchema = z.object({ baseUrl: z.string().url(), apiKey: z.string().min(1) });

/** Chat, agents and conversations settings. Owned by the chat module; documented in .env.example. */
export const chatConfigSchema = z.object({
  OPENAI_BASE_URL: envUrl('https://api.openai.com/v1'),
  OPENAI_API_KEY: z.string().default('unset'),
  CHAT_PROVIDERS: envJson('{}', z.record(z.string().regex(/^[a-z0-9_-]{1,40}$/), providerSchema)),
  CHAT_MODELS: envJson(DEFAULT_MODELS, z.record(z.string().min(1), modelSchema)),
  CHAT_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('USD'),
  CHAT_DEFAULT_MAX_TOKENS: envInt(1024, 1),
  CHAT_MAX_TOOL_ROUNDS: envInt(4, 1, 20),
  CHAT_UPSTREAM_TIMEOUT_MS: envInt(60000, 50),
  CHAT_UPSTREAM_MAX_RETRIES: envInt(2, 0, 10),
  CHAT_RETRY_BASE_MS: envInt(200, 1),
  CHAT_RPM_PER_KEY: envInt(600, 1),
  CHAT_RPM_PER_TENANT: envInt(3000, 1),
  CHAT_TPM_PER_KEY: envInt(200000, 1),
  CHAT_TPM_PER_TENANT: envInt(1000000, 1),
  CHAT_AGENT_CACHE_MS: envInt(2000, 0),
  CHAT_USAGE_BATCH_SIZE: envInt(500, 1, 5000),
  CHAT_STREAM_IDLE_TIMEOUT_MS: envInt(30000, 50),
  CHAT_STREAM_MAX_DURATION_MS: envInt(600000, 100),
  CHAT_USAGE_SPOOL_DIR: z.string().min(1).default('var/usage-spool'),
  CHAT_USAGE_SPOOL_REPLAY_MS: envInt(10000, 100),
  CHAT_SETTLE_RETRY_MS: envInt(1000, 10),
  CHAT_RESERVATION_TTL_MS: envInt(1800000, 1000),
  CHAT_RESERVATION_SWEEP_MS: envInt(60000, 100),
  CHAT_ADMISSION_LEASE_MS: envInt(200, 0, 10000),
  TOOLS_HTTP_ALLOWLIST: envList(''),
  TOOLS_HTTP_TIMEOUT_MS: envInt(5000, 50),
  TOOLS_HTTP_MAX_BYTES: envInt(65536, 256),
  TAVILY_API_KEY: z.string().optional(),
  TAVILY_BASE_URL: envUrl('https://api.tavily.com'),
  CONVERSATION_RETENTION_DAYS: envInt(30, 0),
});

const ownKeysOnly = <T>(record: Record<string, T>): Record<string, T> =>
  Object.assign(Object.create(null) as Record<string, T>, record);

export type ModelSpec = z.infer<typeof modelSchema>;

export const chatConfig = (env: z.infer<typeof chatConfigSchema>) => ({
  /** The `default` provider comes from OPENAI_BASE_URL / OPENAI_API_KEY; CHAT_PROVIDERS adds named ones. */
  // Null-prototype records: they are looked up by names clients send ("toString" must find nothing).
  providers: ownKeysOnly({
    default: { baseUrl: env.OPENAI_BASE_URL, apiKey: env.OPENAI_API_KEY },
    ...env.CHAT_PROVIDERS,
  }) as Record<string, { baseUrl: string; apiKey: string }>,
  models: ownKeysOnly(env.CHAT_MODELS) as Record<string, ModelSpec>,
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
  /** A stream that sends nothing for this long, or runs longer than the cap, is ended as failed. */
  streamIdleTimeoutMs: env.CHAT_STREAM_IDLE_TIMEOUT_MS,
  streamMaxDurationMs: env.CHAT_STREAM_MAX_DURATION_MS,
  /** Usage records written while Redis and Postgres are both down wait here (fsynced) for replay. */
  usageSpoolDir: env.CHAT_USAGE_SPOOL_DIR,
  usageSpoolReplayMs: env.CHAT_USAGE_SPOOL_REPLAY_MS,
  /** First delay before a failed spend settlement is retried (doubles up to 30 s). */
  settleRetryMs: env.CHAT_SETTLE_RETRY_MS,
  /** Lifetime of a spend reservation; the sweeper reconciles one still open after it against recorded usage. */
  reservationTtlMs: env.CHAT_RESERVATION_TTL_MS,
  reservationSweepMs: env.CHAT_RESERVATION_SWEEP_MS,
  /**
   * How long an admission lease lends (rate and budget quota taken from Redis ahead of need, see
   * AdmissionLeases); 0 turns leases off, and every request is admitted and reserved in Redis.
   */
  admissionLeaseMs: env.CHAT_ADMISSION_LEASE_MS,
  tools: {
    httpAllowlist: env.TOOLS_HTTP_ALLOWLIST.map((h) => h.toLowerCase()),
    httpTimeoutMs: env.TOOLS_HTTP_TIMEOUT_MS,
    httpMaxBytes: env.TOOLS_HTTP_MAX_BYTES,
    tavilyApiKey: env.TAVILY_API_KEY,
    tavilyBaseUrl: env.TAVILY_BASE_URL,
  },
  conversationRetentionDays: env.CONVERSATION_RETENTION_DAYS,
});
