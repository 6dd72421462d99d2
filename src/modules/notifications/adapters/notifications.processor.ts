import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { UseCls } from 'nestjs-cls';
import { AppConfig } from '../../../config/app-config';
import { asTenantId } from '../../../shared/domain/tenant-id';
import { QUEUES } from '../../../shared/queue/queue-names';
import { NOTIFICATION_JOBS, SendNotificationJob } from '../application/notification-jobs';
import { RequeuePendingNotifications } from '../application/requeue-pending-notifications.use-case';
import { ScanEndingTrials } from '../application/scan-ending-trials.use-case';
import { SendNotification } from '../application/send-notification.use-case';

@Processor(QUEUES.notifications, { concurrency: 5 })
export class NotificationsProcessor extends WorkerHost {
  constructor(
    private readonly send: SendNotification,
    private readonly scanTrials: ScanEndingTrials,
    private readonly requeue: RequeuePendingNotifications,
  ) {
    super();
  }

  @UseCls()
  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case NOTIFICATION_JOBS.send: {
        const d = job.data as SendNotificationJob;
        const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        return this.send.execute(asTenantId(d.tenantId), d.notificationId, last);
      }
      case NOTIFICATION_JOBS.scan:
        return { ...(await this.scanTrials.execute()), requeued: await this.requeue.execute() };
      default:
        throw new Error(`unknown notifications job ${job.name}`);
    }
  }
}

/** The repeatable scan (upsert: every worker process may register it, one scheduler exists). */
@Injectable()
export class NotificationSchedules implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const pattern = this.config.notifications.scanCron;
    if (pattern === 'off') {
      await this.queue.removeJobScheduler('notification-scan');
      return;
    }
    await this.queue.upsertJobScheduler(
      'notification-scan',
      { pattern, tz: 'UTC' },
      {
        name: NOTIFICATION_JOBS.scan,
        opts: { attempts: 3, backoff: { type: 'exponential', delay: 10_000 } },
      },
    );
  }
}
