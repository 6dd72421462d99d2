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
  /**
   * Failed sign-ins counted per account and client IP (the lockout an attacker triggers hits only their own
   * address), per account over all IPs (a higher ceiling against distributed guessing), and per IP.
   */
  AUTH_LOGIN_MAX_FAILURES_PER_ACCOUNT_IP: envInt(5, 1),
  AUTH_LOGIN_MAX_FAILURES_PER_ACCOUNT: envInt(50, 1),
  AUTH_LOGIN_MAX_FAILURES_PER_IP: envInt(50, 1),
  AUTH_LOGIN_WINDOW_SECONDS: envInt(900, 1),
  AUTH_SERVICE_ACCOUNTS_FILE: z.string().default('config/service-accounts.yaml'),
  /** argon2id memory cost (KiB); OWASP's 19 MiB with t=2 by default. */
  AUTH_ARGON2_MEMORY_KIB: envInt(19_456, 1024),
  /** How long an in-process cache trusts a membership or API key lookup; changes are also broadcast. */
  AUTH_CACHE_TTL_MS: envInt(30_000, 0),
  /** Lifetime of an email verification link. */
  AUTH_EMAIL_VERIFICATION_TTL_SECONDS: envInt(86_400, 60, 30 * 86_400),
  /** Page the verification mail links to (it posts the token to /api/v1/auth/verify-email); default PUBLIC_BASE_URL/verify-email. */
  AUTH_VERIFY_EMAIL_URL: z.string().url().optional(),
  /** Verification mails a signed-in user may ask for again, per window. */
  AUTH_VERIFICATION_RESEND_MAX: envInt(3, 1),
  AUTH_VERIFICATION_RESEND_WINDOW_SECONDS: envInt(3600, 1),
  /** Sign-ups per client IP per window, and mails sent to one address by sign-ups per window. */
  AUTH_REGISTER_MAX_PER_IP: envInt(20, 1),
  AUTH_REGISTER_MAX_MAILS_PER_ADDRESS: envInt(3, 1),
  AUTH_REGISTER_WINDOW_SECONDS: envInt(3600, 1),
  /** POST /auth/token calls per client IP per window (each costs an argon2 verification). */
  AUTH_TOKEN_MAX_PER_IP: envInt(60, 1),
  AUTH_TOKEN_WINDOW_SECONDS: envInt(60, 1),
  /**
   * Signed service requests (RFC 9421): how far `created` may be from now, either way; a nonce is
   * remembered for twice this long on every instance.
   */
  AUTH_HTTP_SIGNATURE_MAX_SKEW_SECONDS: envInt(300, 1, 3600),
  /** How long an invitation to an organization can be accepted. */
  INVITATION_TTL_HOURS: envInt(168, 1, 24 * 365),
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
  loginMaxFailuresPerAccountIp: env.AUTH_LOGIN_MAX_FAILURES_PER_ACCOUNT_IP,
  loginMaxFailuresPerAccount: env.AUTH_LOGIN_MAX_FAILURES_PER_ACCOUNT,
  loginMaxFailuresPerIp: env.AUTH_LOGIN_MAX_FAILURES_PER_IP,
  loginWindowSeconds: env.AUTH_LOGIN_WINDOW_SECONDS,
  serviceAccountsFile: env.AUTH_SERVICE_ACCOUNTS_FILE,
  argon2MemoryKib: env.AUTH_ARGON2_MEMORY_KIB,
  cacheTtlMs: env.AUTH_CACHE_TTL_MS,
  emailVerificationTtlSeconds: env.AUTH_EMAIL_VERIFICATION_TTL_SECONDS,
  verifyEmailUrl: env.AUTH_VERIFY_EMAIL_URL,
  verificationResendMax: env.AUTH_VERIFICATION_RESEND_MAX,
  verificationResendWindowSeconds: env.AUTH_VERIFICATION_RESEND_WINDOW_SECONDS,
  registerMaxPerIp: env.AUTH_REGISTER_MAX_PER_IP,
  registerMaxMailsPerAddress: env.AUTH_REGISTER_MAX_MAILS_PER_ADDRESS,
  registerWindowSeconds: env.AUTH_REGISTER_WINDOW_SECONDS,
  tokenMaxPerIp: env.AUTH_TOKEN_MAX_PER_IP,
  tokenWindowSeconds: env.AUTH_TOKEN_WINDOW_SECONDS,
  invitationTtlHours: env.INVITATION_TTL_HOURS,
  httpSignatureMaxSkewSeconds: env.AUTH_HTTP_SIGNATURE_MAX_SKEW_SECONDS,
  devSecretsInUse: [
    ...(env.AUTH_KEY_ENCRYPTION_KEY === DEV_KEY_ENCRYPTION_KEY ? ['AUTH_KEY_ENCRYPTION_KEY'] : []),
    ...(env.AUTH_API_KEY_PEPPER === DEV_API_KEY_PEPPER ? ['AUTH_API_KEY_PEPPER'] : []),
  ],
});
