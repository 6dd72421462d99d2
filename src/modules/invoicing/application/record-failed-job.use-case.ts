import { Injectable, Logger } from '@nestjs/common';
import { asTenantId } from '../../../shared/domain/tenant-id';
import { FailedJobRecorder, FinishedJob } from '../../../shared/contracts/failed-jobs';
import { FailedJobRepository } from '../domain/failed-job.repository.port';

/**
 * Called by processors when a job fails: after its last attempt it becomes a dead letter (listed by
 * GET /api/v1/failed-jobs); jobs without a tenant are only logged.
 */
@Injectable()
export class RecordFailedJob extends FailedJobRecorder {
  private readonly logger = new Logger(RecordFailedJob.name);

  constructor(private readonly failedJobs: FailedJobRepository) {
    super();
  }

  /** Returns true when the job is dead (no retry left). */
  async execute(job: FinishedJob, error: Error): Promise<boolean> {
    if (job.attemptsMade < job.maxAttempts) return false;
    const data = (job.data ?? {}) as Record<string, unknown>;
    this.logger.error(
      { err: error, queue: job.queue, jobName: job.name, jobId: job.id },
      'job failed for good',
    );
    if (typeof data.tenantId !== 'string') return true;
    await this.failedJobs.record({
      tenantId: asTenantId(data.tenantId),
      queue: job.queue,
      jobName: job.name,
      jobId: job.id ?? 'unknown',
      data,
      error: error.message.slice(0, 2000),
      attempts: job.attemptsMade,
    });
    return true;
  }
}
