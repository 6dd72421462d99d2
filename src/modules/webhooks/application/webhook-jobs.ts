/** Job payloads and options of the outbound-webhooks queue (shared by publisher, redeliver and processor). */
export const DELIVER_WEBHOOK_JOB = 'deliver-webhook';

export interface DeliverWebhookJob {
  tenantId: string;
  deliveryId: string;
  /** Cap of the backoff, read by the processor's backoff strategy. */
  maxBackoffMs: number;
}

export const deliveryJobOptions = (
  jobId: string,
  cfg: { maxAttempts: number; backoffBaseMs: number },
): { jobId: string; attempts: number; backoff: { type: string; delay: number } } => ({
  jobId,
  attempts: cfg.maxAttempts,
  backoff: { type: 'webhook', delay: cfg.backoffBaseMs },
});
