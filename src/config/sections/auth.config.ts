import { z } from 'zod';
import { envInt } from '../env-helpers';

/**
 * Dev-only secrets so `npm start` works with zero config. With NODE_ENV=production the service refuses
 * to start while one of them is in use (see authSecretProblems).
 */
const DEV_KEY_ENCRYPTION_KEY = 'ZGV2LW9ubHkta2V5LWVuY3J5cHRpb24ta2V5LTMyYiE='; // 32 bytes, base64
const DEV_API_KEY_PEPPER = 'dev-only-api-key-pepper-change-me';

const base64Key32 = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

/** Auth module settings. Owned by the auth module; add variables here and to .env.example. */
export const authConfigSchema = z.object({
  AUTH_ISSUER: z.string().min(1).default('tollgate'),
  AUTH_AUDIENCE: z.string().min(1).default('tollgate-api'),
  AUTH_ACCESS_TOKEN_TTL_SECONDS: envInt(900, 30, 86_400),
  AUTH_REFRESH_TOKEN_TTL_SECONDS: envInt(30 * 86_400, 60),
  /** AES-256-GCM key encrypting signing private keys at rest. */
  AUTH_KEY_ENCRYPTION_KEY: base64Key32.default(DEV_KEY_ENCRYPTION_KEY),
  /** HMAC-SHA-256 key for API key secrets (a database leak alone cannot verify guesses). */
  AUTH_API_KEY_PEPPER: z.string().min(16).default(DEV_API_KEY_PEPPER),
  AUTH_LOGIN_MAX_FAILURES_PER_ACCOUNT: envInt(5, 1),
  AUTH_LOGIN_MAX_FAILURES_PER_IP: envInt(50, 1),
  AUTH_LOGIN_WINDOW_SECONDS: envInt(900, 1),
  AUTH_SERVICE_ACCOUNTS_FILE: z.string().default('config/service-accounts.yaml'),
  /** argon2id memory cost (KiB); OWASP's 19 MiB with t=2 by default. */
  AUTH_ARGON2_MEMORY_KIB: envInt(19_456, 1024),
  /** How long an in-process cache trusts a membership or API key lookup; changes are also broadcast. */
  AUTH_CACHE_TTL_MS: envInt(30_000, 0),
});

/**
 * Why each secret is unfit for production, by variable: a published development default, too short, or
 * a key with almost no entropy (one repeated byte).
 */
export function authSecretProblems(env: z.infer<typeof authConfigSchema>): string[] {
  const problems: string[] = [];
  const kek = Buffer.from(env.AUTH_KEY_ENCRYPTION_KEY, 'base64');
  if (env.AUTH_KEY_ENCRYPTION_KEY === DEV_KEY_ENCRYPTION_KEY)
    problems.push(
      'AUTH_KEY_ENCRYPTION_KEY: is the public development default (make one: openssl rand -base64 32)',
    );
  else if (new Set(kek).size < 8)
    problems.push('AUTH_KEY_ENCRYPTION_KEY: has almost no entropy (make one: openssl rand -base64 32)');
  if (env.AUTH_API_KEY_PEPPER === DEV_API_KEY_PEPPER)
    problems.push(
      'AUTH_API_KEY_PEPPER: is the public development default (make one: openssl rand -base64 32)',
    );
  else if (env.AUTH_API_KEY_PEPPER.length < 32)
    problems.push('AUTH_API_KEY_PEPPER: must be at least 32 characters in production');
  return problems;
}

export const authConfig = (env: z.infer<typeof authConfigSchema>) => ({
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
