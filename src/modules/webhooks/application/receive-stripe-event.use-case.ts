import { Injectable } from '@nestjs/common';
import { isUuid } from '../../../shared/domain/ids';
import { JobQueue } from '../../../shared/queue/job-queue.port';
import { QUEUES } from '../../../shared/queue/queue-names';
import { StripeEventPayload, tenantOfStripeObject } from '../domain/stripe-event';
import { StripeEventRepository } from '../domain/stripe-event.repository.port';

export const PROCESS_STRIPE_EVENT_JOB = 'process-stripe-event';
export interface ProcessStripeEventJob {
  stripeEventId: string;
  tenantId: string | null;
}

/**
 * Intake of a verified Stripe event: store it (unique on the Stripe event id) and queue its processing,
 * then answer Stripe at once. Duplicates are stored once; queueing again is harmless (same job id), and
 * covers a crash between the insert and the enqueue.
 */
@Injectable()
export class ReceiveStripeEvent {
  constructor(
    private readonly events: StripeEventRepository,
    private readonly jobs: JobQueue,
  ) {}

  async execute(event: StripeEventPayload): Promise<{ duplicate: boolean }> {
    const tenant = tenantOfStripeObject(event.data.object);
    const tenantId = tenant && isUuid(tenant) ? tenant : null;
    const stored = await this.events.insert(event, tenantId);
    await this.jobs.add(QUEUES.stripeEvents, {
      name: PROCESS_STRIPE_EVENT_JOB,
      data: { stripeEventId: event.id, tenantId } satisfies ProcessStripeEventJob,
      opts: { jobId: `stripe_${event.id}`, attempts: 8, backoff: { type: 'exponential', delay: 2000 } },
    });
    return { duplicate: !stored };
  }
}
