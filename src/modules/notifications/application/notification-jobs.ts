import { AppConfig } from '../../../config/app-config';
import { NewJob } from '../../../shared/queue/job-queue.port';

export const NOTIFICATION_JOBS = { send: 'send-notification', scan: 'scan-notifications' } as const;

export interface SendNotificationJob {
  tenantId: string;
  notificationId: string;
}

/** One job per outbox row; the id is the row's, so queueing it again is a no-op while the queue knows it. */
export const sendJob = (config: AppConfig, n: { tenantId: string; id: string }, delay = 0): NewJob => ({
  name: NOTIFICATION_JOBS.send,
  data: { tenantId: n.tenantId, notificationId: n.id } satisfies SendNotificationJob,
  opts: {
    jobId: `ntf_${n.id}`,
    attempts: config.notifications.maxAttempts,
    backoff: { type: 'exponential', delay: config.notifications.backoffMs },
    delay,
  },
});
