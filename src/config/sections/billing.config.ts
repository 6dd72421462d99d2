import { z } from 'zod';
import { envInt, envUrl } from '../env-helpers';

/** Billing module settings. Owned by the billing module; add variables here and to .env.example. */
export const billingConfigSchema = z.object({
  /** Stripe secret key; unset = payments disabled (invoices are collected manually). */
  STRIPE_SECRET_KEY: z.string().optional(),
  /** Where the Stripe SDK connects (protocol, host, port): a local fake Stripe in tests. */
  STRIPE_API_BASE: envUrl('https://api.stripe.com'),
  STRIPE_TIMEOUT_MS: envInt(10_000, 100),
  /** Where Stripe Checkout sends the payer back. */
  CHECKOUT_SUCCESS_URL: envUrl('http://localhost:3000/checkout/success'),
  CHECKOUT_CANCEL_URL: envUrl('http://localhost:3000/checkout/cancel'),
  /** Usage events timestamped further than this in the future are rejected. */
  USAGE_MAX_FUTURE_SECONDS: envInt(300, 0),
  /** Usage events timestamped more than this many days ago are rejected as `too_old` (Stripe meters: 35). */
  USAGE_LATE_WINDOW_DAYS: envInt(35, 1),
  /** How long budgets (spend caps, credit limits) are cached in Redis for the chat path. */
  BUDGET_CACHE_SECONDS: envInt(30, 0),
  /** A debit taking a credit wallet from at least this balance to below it emits `credits.low`. */
  CREDITS_LOW_THRESHOLD: z
    .string()
    .regex(/^\d{1,20}(\.\d{1,12})?$/, 'a non-negative decimal, e.g. "10"')
    .default('10'),
});

export const billingConfig = (env: z.infer<typeof billingConfigSchema>) => {
  const base = new URL(env.STRIPE_API_BASE);
  const protocol = base.protocol.replace(':', '') as 'http' | 'https';
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
    usageLateWindowDays: env.USAGE_LATE_WINDOW_DAYS,
    budgetCacheSeconds: env.BUDGET_CACHE_SECONDS,
    creditsLowThreshold: env.CREDITS_LOW_THRESHOLD,
  };
};
