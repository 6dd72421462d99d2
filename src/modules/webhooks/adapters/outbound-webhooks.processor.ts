import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, MinimalJob } from 'bullmq';
import { UseCls } from 'nestjs-cls';
import { asTenantId } from '../../../shared/domain/tenant-id';
import { QUEUES } from '../../../shared/queue/queue-names';
import { deliveryBackoffMs } from '../domain/delivery-backoff';
import { DeliverWebhook } from '../application/deliver-webhook.use-case';
import { DeliverWebhookJob } from '../application/webhook-jobs';

/** Custom 'webhook' backoff: base x 3^n capped; base and cap travel with the job so config applies. */
const backoffStrategy = (attemptsMade: number, _type?: string, _err?: Error, job?: MinimalJob): number => {
  const base = (job?.opts.backoff as { delay?: number } | undefined)?.delay ?? 60_000;
  const cap = (job?.data as DeliverWebhookJob | undefined)?.maxBackoffMs ?? 6 * 3600_000;
  return deliveryBackoffMs(attemptsMade, base, cap);
};

@Processor(QUEUES.outboundWebhooks, { concurrency: 20, settings: { backoffStrategy } })
export class OutboundWebhooksProcessor extends WorkerHost {
  constructor(private readonly deliver: DeliverWebhook) {
    super();
  }

  @UseCls()
  async process(job: Job<DeliverWebhookJob>): Promise<void> {
    const isLast = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await this.deliver.execute(asTenantId(job.data.tenantId), job.data.deliveryId, isLast);
  }
}
