import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/domain/clock.port';
import { EndingTrials } from '../domain/notification';
import { RecordNotification } from './record-notification.use-case';

/**
 * Scheduled: every trial ending within NOTIFY_TRIAL_ENDING_DAYS gets its mail. Runs repeatedly over the
 * same trials; the event key (subscription + trial end) keeps it to one mail per recipient.
 */
@Injectable()
export class ScanEndingTrials {
  constructor(
    private readonly trials: EndingTrials,
    private readonly record: RecordNotification,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<{ trials: number; queued: number }> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + this.config.notifications.trialEndingDays * 86_400_000);
    const trials = await this.trials.between(now, until);
    let queued = 0;
    for (const t of trials)
      queued += await this.record.execute(t.tenantId, 'subscription.trial_ending', {
        subscriptionId: t.subscriptionId,
        customerId: t.customerId,
        trialEnd: t.trialEnd.toISOString(),
      });
    return { trials: trials.length, queued };
  }
}
