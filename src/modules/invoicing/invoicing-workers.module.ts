import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { QUEUES } from '../../shared/queue/queue-names';
import { INVOICING_JOBS } from './application/invoicing-jobs';
import { InvoicingProcessor, OutcomeVerificationProcessor } from './adapters/invoicing.processor';
import { InvoicingModule } from './invoicing.module';

/** Registers the repeatable jobs (upsert: every worker process may do it, only one scheduler exists). */
@Injectable()
export class InvoicingSchedules implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.invoicing) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule('invoice-run', this.config.invoicing.runCron, INVOICING_JOBS.scheduleRun);
    await this.schedule('invoice-overdue', this.config.invoicing.overdueCron, INVOICING_JOBS.markOverdue);
  }

  /** `off` removes the schedule, so turning it off in config also stops a previously registered one. */
  private async schedule(id: string, pattern: string, name: string): Promise<void> {
    if (pattern === 'off') {
      await this.queue.removeJobScheduler(id);
      return;
    }
    await this.queue.upsertJobScheduler(
      id,
      { pattern, tz: 'UTC' },
      { name, opts: { attempts: 3, backoff: { type: 'exponential', delay: 10_000 } } },
    );
  }
}

/** BullMQ processors of the invoicing and outcome-verification queues, plus the schedules. */
@Module({
  imports: [InvoicingModule],
  providers: [InvoicingProcessor, OutcomeVerificationProcessor, InvoicingSchedules],
})
export class InvoicingWorkersModule {}
