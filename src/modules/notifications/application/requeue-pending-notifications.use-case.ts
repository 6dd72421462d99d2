import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/domain/clock.port';
import { JobQueue } from '../../../shared/queue/job-queue.port';
import { QUEUES } from '../../../shared/queue/queue-names';
import { NotificationOutbox } from '../domain/notification';
import { sendJob } from './notification-jobs';

/**
 * Scheduled: queues again the mails still pending after a few minutes (their job was never queued, e.g.
 * Redis was down when the event happened). A job the queue still holds keeps its id, so this adds nothing.
 */
@Injectable()
export class RequeuePendingNotifications {
  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async execute(olderThanMs = 5 * 60_000): Promise<number> {
    const stale = await this.outbox.stalePending(new Date(this.clock.now().getTime() - olderThanMs), 1000);
    await this.jobs.addBulk(
      QUEUES.notifications,
      stale.map((n) => sendJob(this.config, n)),
    );
    return stale.length;
  }
}
