import { z } from 'zod';
import { envInt } from '../env-helpers';

/** Webhooks module settings. Owned by the webhooks module; add variables here and to .env.example. */
export const webhooksConfigSchema = z.object({
  /** Signing secret of the Stripe webhook endpoint (whsec_...). Unset: POST /webhooks/stripe answers 503. */
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  STRIPE_WEBHOOK_TOLERANCE_SECONDS: envInt(300, 1, 3600),
  WEBHOOK_MAX_ATTEMPTS: envInt(10, 1, 30),
  WEBHOOK_BACKOFF_BASE_MS: envInt(60000, 1),
  WEBHOOK_BACKOFF_MAX_MS: envInt(6 * 3600 * 1000, 1),
  WEBHOOK_TIMEOUT_MS: envInt(10000, 100, 60000),
  WEBHOOK_RESPONSE_LOG_BYTES: envInt(2048, 0, 65536),
});

export const webhooksConfig = (env: z.infer<typeof webhooksConfigSchema>) => ({
  stripeWebhookSecret: env.STRIPE_WEBHOOK_SECRET,
  stripeToleranceSeconds: env.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
  maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
  backoffBaseMs: env.WEBHOOK_BACKOFF_BASE_MS,
  backoffMaxMs: env.WEBHOOK_BACKOFF_MAX_MS,
  timeoutMs: env.WEBHOOK_TIMEOUT_MS,
  responseLogBytes: env.WEBHOOK_RESPONSE_LOG_BYTES,
});
