/** One BullMQ queue per job kind. */
export const QUEUES = {
  invoicing: 'invoicing',
  outcomeVerification: 'outcome-verification',
  usageRecords: 'usage-records',
  stripeEvents: 'stripe-events',
  outboundWebhooks: 'outbound-webhooks',
  notifications: 'notifications',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
