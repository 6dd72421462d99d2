import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { UseCls } from 'nestjs-cls';
import { QUEUES } from '../../../shared/queue/queue-names';
import { FailedJobRecorder } from '../../../shared/contracts/failed-jobs';
import { ProcessStripeEvent } from '../application/process-stripe-event.use-case';
import { ProcessStripeEventJob } from '../application/receive-stripe-event.use-case';
import { StripeEventRepository } from '../domain/stripe-event.repository.port';

@Processor(QUEUES.stripeEvents, { concurrency: 10 })
export class StripeEventsProcessor extends WorkerHost {
  constructor(
    private readonly processEvent: ProcessStripeEvent,
    private readonly events: StripeEventRepository,
    private readonly recordFailedJob: FailedJobRecorder,
  ) {
    super();
  }

  @UseCls()
  async process(job: Job<ProcessStripeEventJob>): Promise<string> {
    return this.processEvent.execute(job.data.stripeEventId);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<ProcessStripeEventJob> | undefined, error: Error): Promise<void> {
    if (!job) return;
    const dead = await this.recordFailedJob.execute(
      {
        queue: QUEUES.stripeEvents,
        name: job.name,
        id: job.id,
        data: job.data,
        attemptsMade: job.attemptsMade,
        maxAttempts: job.opts.attempts ?? 1,
      },
      error,
    );
    if (dead)
      await this.events.finish(
        job.data.stripeEventId,
        'failed',
        job.data.tenantId,
        error.message.slice(0, 2000),
      );
  }
}
