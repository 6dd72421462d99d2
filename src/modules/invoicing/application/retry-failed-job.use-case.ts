import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock.port';
import { ConflictError, NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { JobQueue } from '../../../shared/queue/job-queue.port';
import { QUEUES } from '../../../shared/queue/queue-names';
import { FailedJob, FailedJobRepository } from '../domain/failed-job.repository.port';

const RETRYABLE = [QUEUES.invoicing, QUEUES.outcomeVerification, QUEUES.stripeEvents];

/**
 * Puts a dead job back on its queue under a new id (the old id is still known to BullMQ). Safe because
 * every job is idempotent (unique invoice per period, outcomes change only while pending, Stripe events
 * once).
 */
@Injectable()
export class RetryFailedJob {
  constructor(
    private readonly failedJobs: FailedJobRepository,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
  ) {}

  async execute(tenantId: TenantId, id: string): Promise<FailedJob> {
    const job = await this.failedJobs.find(tenantId, id);
    if (!job) throw new NotFoundError('Failed job', id);
    const queue = RETRYABLE.find((q) => q === job.queue);
    if (!queue) throw new ConflictError('queue_not_retryable', `Jobs of ${job.queue} cannot be retried here`);
    if (!(await this.failedJobs.markRetried(tenantId, id)))
      throw new ConflictError('job_already_retried', 'This job was retried already');
    await this.jobs.add(queue, {
      name: job.jobName,
      data: job.data,
      opts: {
        jobId: `${job.jobId}_retry_${this.clock.now().getTime()}`,
        attempts: 3,
        backoff: { type: 'exponential', delay: 1000 },
      },
    });
    return { ...job, status: 'retried' };
  }
}
