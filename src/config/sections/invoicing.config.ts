import { z } from 'zod';

const CRON_OR_OFF = /^(off|\S+(\s+\S+){4,5})$/;
import { envInt } from '../env-helpers';

/** Invoicing module settings. Owned by the invoicing module; add variables here and to .env.example. */
export const invoicingConfigSchema = z.object({
  INVOICE_NUMBER_PREFIX: z
    .string()
    .regex(/^[A-Z0-9]{1,10}$/, 'must be 1-10 uppercase letters or digits')
    .default('INV'),
  CREDIT_NOTE_NUMBER_PREFIX: z
    .string()
    .regex(/^[A-Z0-9]{1,10}$/, 'must be 1-10 uppercase letters or digits')
    .default('CN'),
  INVOICE_GRACE_PERIOD_HOURS: envInt(24, 0, 24 * 31),
  INVOICE_PAYMENT_TERMS_DAYS: envInt(30, 0, 365),
  INVOICE_SELLER_NAME: z.string().default('Tollgate'),
  INVOICE_SELLER_ADDRESS: z.string().default(''),
  /** Cron (5 or 6 fields, UTC) of the invoice run; `off` disables the schedule (runs then only by API). */
  INVOICE_RUN_CRON: z
    .string()
    .regex(CRON_OR_OFF, 'must be a 5/6-field cron pattern or "off"')
    .default('0 * * * *'),
  /** Cron of the daily overdue check; `off` disables it. */
  INVOICE_OVERDUE_CRON: z
    .string()
    .regex(CRON_OR_OFF, 'must be a 5/6-field cron pattern or "off"')
    .default('30 3 * * *'),
  INVOICE_JOB_ATTEMPTS: envInt(5, 1, 50),
  INVOICE_WORKER_CONCURRENCY: envInt(16, 1, 256),
  INVOICE_JOB_BACKOFF_MS: envInt(5000, 1),
  OUTCOME_VERIFICATION_TIMEOUT_MS: envInt(5000, 100, 60000),
});

export const invoicingConfig = (env: z.infer<typeof invoicingConfigSchema>) => ({
  numberPrefix: env.INVOICE_NUMBER_PREFIX,
  creditNotePrefix: env.CREDIT_NOTE_NUMBER_PREFIX,
  gracePeriodHours: env.INVOICE_GRACE_PERIOD_HOURS,
  paymentTermsDays: env.INVOICE_PAYMENT_TERMS_DAYS,
  sellerName: env.INVOICE_SELLER_NAME,
  sellerAddress: env.INVOICE_SELLER_ADDRESS,
  runCron: env.INVOICE_RUN_CRON,
  overdueCron: env.INVOICE_OVERDUE_CRON,
  jobAttempts: env.INVOICE_JOB_ATTEMPTS,
  workerConcurrency: env.INVOICE_WORKER_CONCURRENCY,
  jobBackoffMs: env.INVOICE_JOB_BACKOFF_MS,
  outcomeTimeoutMs: env.OUTCOME_VERIFICATION_TIMEOUT_MS,
});
