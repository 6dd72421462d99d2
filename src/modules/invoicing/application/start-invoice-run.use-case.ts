import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock.port';
import { InvalidError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { JobQueue } from '../../../shared/queue/job-queue.port';
import { QUEUES } from '../../../shared/queue/queue-names';
import { InvoiceRun, InvoiceRunRepository } from '../domain/invoice-run.repository.port';
import { ExpandRunJob, expandRunJobId, INVOICING_JOBS } from './invoicing-jobs';

/**
 * `period` "YYYY-MM" invoices every subscription period of the tenant that ended by the end of that month
 * (or by now, if the month is not over); omitted = everything ended by now.
 */
export function runCutoff(period: string | undefined, now: Date): Date {
  if (!period) return now;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12)
    throw new InvalidError('invalid_period', 'period must be YYYY-MM', [
      { field: 'period', message: 'YYYY-MM' },
    ]);
  const end = new Date(Date.UTC(Number(m[1]), month, 1));
  return end < now ? end : now;
}

/** Manual invoice run: answers at once with the run id; a job expands it into one job per period. */
@Injectable()
export class StartInvoiceRun {
  constructor(
    private readonly runs: InvoiceRunRepository,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  async execute(tenantId: TenantId, period?: string): Promise<InvoiceRun> {
    const asOf = runCutoff(period, this.clock.now());
    const id = newId();
    await this.runs.insert({ id, tenantId, asOf });
    await this.jobs.add(QUEUES.invoicing, {
      name: INVOICING_JOBS.expandRun,
      data: { tenantId, runId: id } satisfies ExpandRunJob,
      opts: { jobId: expandRunJobId(id), attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
    });
    return (await this.runs.find(tenantId, id))!;
  }
}
