import { z } from 'zod';
import { envInt } from '../env-helpers';

/** Email notifications (docs/modules/notifications.md). Owned by the notifications module. */
export const notificationsConfigSchema = z.object({
  /** Days before a subscription's trial ends that its "trial ending" mail is sent. */
  NOTIFY_TRIAL_ENDING_DAYS: envInt(3, 1, 60),
  /**
   * When the scheduled scan runs (UTC cron, or `off`): it finds trials ending within NOTIFY_TRIAL_ENDING_DAYS
   * and queues again any mail left pending (e.g. Redis was down when its event happened).
   */
  NOTIFY_SCAN_CRON: z.string().min(1).default('*/15 * * * *'),
  /** Tries per mail before it is given up as failed (a relay's 5xx refusal is not retried). */
  NOTIFY_MAX_ATTEMPTS: envInt(8, 1, 30),
  /** First retry delay; doubles each try (30 s, 1 min, 2 min, ... about 1 h in all with 8 tries). */
  NOTIFY_BACKOFF_MS: envInt(30_000, 1),
});

export const notificationsConfig = (env: z.infer<typeof notificationsConfigSchema>) => ({
  trialEndingDays: env.NOTIFY_TRIAL_ENDING_DAYS,
  scanCron: env.NOTIFY_SCAN_CRON,
  maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
  backoffMs: env.NOTIFY_BACKOFF_MS,
});
