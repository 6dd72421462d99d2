import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { isUuid } from '../../../shared/domain/ids';
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
    @InjectQueue(QUEUES.stripeEvents) private readonly queue: Queue,
  ) {}

  async execute(event: StripeEventPayload): Promise<{ duplicate: boolean }> {
    const tenant = tenantOfStripeObject(event.data.object);
    const tenantId = tenant && isUuid(tenant) ? tenant : null;
    const stored = await this.events.insert(event, tenantId);
    await this.queue.add(
      PROCESS_STRIPE_EVENT_JOB,
      { stripeEventId: event.id, tenantId } satisfies ProcessStripeEventJob,
      { jobId: `stripe_${event.id}`, attempts: 8, backoff: { type: 'exponential', delay: 2000 } },
    );
    return { duplicate: !stored };
  }
}
