import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/domain/clock.port';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { JobQueue } from '../../../shared/queue/job-queue.port';
import { QUEUES } from '../../../shared/queue/queue-names';
import { WebhookDelivery, WebhookDeliveryRepository } from '../domain/webhook.repository.port';
import { DELIVER_WEBHOOK_JOB, DeliverWebhookJob, deliveryJobOptions } from './webhook-jobs';

/** Manual redeliver: the same event (same id and body) is sent again with a fresh retry schedule. */
@Injectable()
export class RedeliverWebhook {
  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async execute(tenantId: TenantId, endpointId: string, deliveryId: string): Promise<WebhookDelivery> {
    const delivery = await this.deliveries.find(tenantId, deliveryId);
    if (!delivery || delivery.endpointId !== endpointId)
      throw new NotFoundError('Webhook delivery', deliveryId);
    await this.deliveries.markPending(tenantId, deliveryId);
    const cfg = this.config.webhooks;
    await this.jobs.add(QUEUES.outboundWebhooks, {
      name: DELIVER_WEBHOOK_JOB,
      data: { tenantId, deliveryId, maxBackoffMs: cfg.backoffMaxMs } satisfies DeliverWebhookJob,
      opts: deliveryJobOptions(`rdl_${deliveryId}_${this.clock.now().getTime()}`, cfg),
    });
    return { ...delivery, status: 'pending' };
  }
}
