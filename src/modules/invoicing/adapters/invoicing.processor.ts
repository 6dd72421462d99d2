import { OnApplicationBootstrap } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { AppConfig } from '../../../config/app-config';
import { DelayedError, Job } from 'bullmq';
import { UseCls } from 'nestjs-cls';
import { asTenantId } from '../../../shared/domain/tenant-id';
import { QUEUES } from '../../../shared/queue/queue-names';
import { InvoiceRunRepository } from '../domain/invoice-run.repository.port';
import { InvoiceEndedPeriods } from '../application/invoice-ended-periods.use-case';
import { Clock } from '../../../shared/domain/clock.port';
import { FinalizeInvoice } from '../application/finalize-invoice.use-case';
import { RunInvoiceScheduler } from '../application/run-invoice-scheduler.use-case';
import { ExpandInvoiceRun } from '../application/expand-invoice-run.use-case';
import { MarkOverdueInvoices } from '../application/mark-overdue-invoices.use-case';
import { RecordFailedJob } from '../application/record-failed-job.use-case';
import { VerifyOutcome } from '../application/verify-outcome.use-case';
import {
  ExpandRunJob,
  FinalizeInvoiceJob,
  GenerateInvoiceJob,
  INVOICING_JOBS,
} from '../application/invoicing-jobs';
import { VerifyOutcomeJob } from '../../../shared/contracts/billing-for-invoicing';

const attemptsOf = (job: Job) => job.opts.attempts ?? 1;

@Processor(QUEUES.invoicing)
export class InvoicingProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly invoiceEndedPeriods: InvoiceEndedPeriods,
    private readonly clock: Clock,
    private readonly finalizeInvoice: FinalizeInvoice,
    private readonly scheduler: RunInvoiceScheduler,
    private readonly expandRun: ExpandInvoiceRun,
    private readonly markOverdue: MarkOverdueInvoices,
    private readonly runs: InvoiceRunRepository,
    private readonly recordFailedJob: RecordFailedJob,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.invoicing.workerConcurrency;
  }

  @UseCls()
  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case INVOICING_JOBS.generate: {
        const d = job.data as GenerateInvoiceJob;
        const invoices = await this.invoiceEndedPeriods.execute(
          {
            tenantId: asTenantId(d.tenantId),
            subscriptionId: d.subscriptionId,
            customerId: d.customerId,
            periodStart: new Date(d.periodStart),
            periodEnd: new Date(d.periodEnd),
          },
          d.asOf ? new Date(d.asOf) : this.clock.now(),
          d.runId,
        );
        return { invoices: invoices.map((i) => ({ invoiceId: i.id, number: i.number })) };
      }
      case INVOICING_JOBS.finalize: {
        const d = job.data as FinalizeInvoiceJob;
        return { number: (await this.finalizeInvoice.execute(asTenantId(d.tenantId), d.invoiceId)).number };
      }
      case INVOICING_JOBS.expandRun: {
        const d = job.data as ExpandRunJob;
        return this.expandRun.execute(asTenantId(d.tenantId), d.runId);
      }
      case INVOICING_JOBS.scheduleRun:
        return this.scheduler.execute();
      case INVOICING_JOBS.markOverdue:
        return { marked: await this.markOverdue.execute() };
      default:
        throw new Error(`unknown invoicing job ${job.name}`);
    }
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job) return;
    const dead = await this.recordFailedJob.execute(
      {
        queue: QUEUES.invoicing,
        name: job.name,
        id: job.id,
        data: job.data,
        attemptsMade: job.attemptsMade,
        maxAttempts: attemptsOf(job),
      },
      error,
    );
    if (dead && job.name === INVOICING_JOBS.generate) {
      const d = job.data as GenerateInvoiceJob;
      await this.runs.markFailed(
        { subscriptionId: d.subscriptionId, periodStart: new Date(d.periodStart) },
        error.message,
      );
    }
  }
}

@Processor(QUEUES.outcomeVerification, { concurrency: 10 })
export class OutcomeVerificationProcessor extends WorkerHost {
  constructor(
    private readonly verifyOutcome: VerifyOutcome,
    private readonly recordFailedJob: RecordFailedJob,
  ) {
    super();
  }

  @UseCls()
  async process(job: Job<VerifyOutcomeJob>, token?: string): Promise<unknown> {
    const result = await this.verifyOutcome.execute(asTenantId(job.data.tenantId), job.data.outcomeId);
    if (result.status === 'waiting') {
      // Dispute window still open: park the job until it closes (not counted as an attempt).
      await job.moveToDelayed(Date.now() + result.delayMs, token);
      throw new DelayedError();
    }
    return result;
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job || error instanceof DelayedError) return;
    await this.recordFailedJob.execute(
      {
        queue: QUEUES.outcomeVerification,
        name: job.name,
        id: job.id,
        data: job.data,
        attemptsMade: job.attemptsMade,
        maxAttempts: attemptsOf(job),
      },
      error,
    );
  }
}
