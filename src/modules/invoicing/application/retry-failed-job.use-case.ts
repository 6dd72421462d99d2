import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Clock } from '../../../shared/domain/clock.port';
import { ConflictError, NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { QUEUES } from '../../../shared/queue/queue-names';
import { FailedJob, FailedJobRepository } from '../domain/failed-job.repository.port';

/**
 * Puts a dead job back on its queue under a new id (the old id is still known to BullMQ). Safe because
 * every job is idempotent (unique invoice per period, outcomes change only while pending, Stripe events
 * once).
 */
@Injectable()
export class RetryFailedJob {
  private readonly queues: Record<string, Queue>;

  constructor(
    private readonly failedJobs: FailedJobRepository,
    private readonly clock: Clock,
    @InjectQueue(QUEUES.invoicing) invoicing: Queue,
    @InjectQueue(QUEUES.outcomeVerification) outcomes: Queue,
    @InjectQueue(QUEUES.stripeEvents) stripeEvents: Queue,
  ) {
    this.queues = {
      [QUEUES.invoicing]: invoicing,
      [QUEUES.outcomeVerification]: outcomes,
      [QUEUES.stripeEvents]: stripeEvents,
    };
  }

  async execute(tenantId: TenantId, id: string): Promise<FailedJob> {
    const job = await this.failedJobs.find(tenantId, id);
    if (!job) throw new NotFoundError('Failed job', id);
    const queue = this.queues[job.queue];
    if (!queue) throw new ConflictError('queue_not_retryable', `Jobs of ${job.queue} cannot be retried here`);
    if (!(await this.failedJobs.markRetried(tenantId, id)))
      throw new ConflictError('job_already_retried', 'This job was retried already');
    await queue.add(job.jobName, job.data, {
      jobId: `${job.jobId}_retry_${this.clock.now().getTime()}`,
      attempts: 3,
      backoff: { type: 'exponential', delay: 1000 },
    });
    return { ...job, status: 'retried' };
  }
}
