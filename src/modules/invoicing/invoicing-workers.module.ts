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
    await this.queue.upsertJobScheduler(
      'invoice-run',
      { pattern: this.config.invoicing.runCron, tz: 'UTC' },
      {
        name: INVOICING_JOBS.scheduleRun,
        opts: { attempts: 3, backoff: { type: 'exponential', delay: 10_000 } },
      },
    );
    await this.queue.upsertJobScheduler(
      'invoice-overdue',
      { pattern: this.config.invoicing.overdueCron, tz: 'UTC' },
      {
        name: INVOICING_JOBS.markOverdue,
        opts: { attempts: 3, backoff: { type: 'exponential', delay: 10_000 } },
      },
    );
  }
}

/** BullMQ processors of the invoicing and outcome-verification queues, plus the schedules. */
@Module({
  imports: [InvoicingModule],
  providers: [InvoicingProcessor, OutcomeVerificationProcessor, InvoicingSchedules],
})
export class InvoicingWorkersModule {}
