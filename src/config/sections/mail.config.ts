import { z } from 'zod';
import { envInt } from '../env-helpers';

/** Outgoing mail. Unset SMTP_URL = messages are written to the log (development), so start needs no setup. */
export const mailConfigSchema = z.object({
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465 (TLS from the start). */
  SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:\/\//.test(v), 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** Sender of every message: an address or "Name <address>". */
  MAIL_FROM: z.string().min(3).default('Tollgate <no-reply@localhost>'),
  /** Deadline of one SMTP delivery (connect, greeting and each command). */
  SMTP_TIMEOUT_MS: envInt(10_000, 100),
});

export const mailConfig = (env: z.infer<typeof mailConfigSchema>) => ({
  smtpUrl: env.SMTP_URL,
  from: env.MAIL_FROM,
  smtpTimeoutMs: env.SMTP_TIMEOUT_MS,
});
