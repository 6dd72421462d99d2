import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { TransactionHost } from '@nestjs-cls/transactional';
import { Queue } from 'bullmq';
import { AppConfig } from '../../../config/app-config';
import { WebhookEvents, WebhookEventType } from '../../../shared/contracts/webhook-events';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { QUEUES } from '../../../shared/queue/queue-names';
import { WebhookDeliveryRepository, WebhookEndpointRepository } from '../domain/webhook.repository.port';
import { DELIVER_WEBHOOK_JOB, DeliverWebhookJob, deliveryJobOptions } from './webhook-jobs';

/** The WebhookEvents port: one delivery row per subscribed endpoint, then one queued job per delivery. */
@Injectable()
export class PublishWebhookEvent extends WebhookEvents {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    @InjectQueue(QUEUES.outboundWebhooks) private readonly queue: Queue,
    private readonly config: AppConfig,
    private readonly txHost: TransactionHost,
  ) {
    super();
  }

  async publish(tenantId: TenantId, type: WebhookEventType, payload: Record<string, unknown>): Promise<void> {
    const targets = await this.endpoints.subscribedTo(tenantId, type);
    if (!targets.length) return;
    const eventId = newId();
    const rows = targets.map((endpoint) => ({
      id: newId(),
      tenantId,
      endpointId: endpoint.id,
      eventId,
      eventType: type,
      payload,
      status: 'pending' as const,
      attempts: 0,
      lastStatusCode: null,
      lastError: null,
      deliveredAt: null,
      createdAt: new Date(),
    }));
    await this.deliveries.insertMany(rows);
    const cfg = this.config.webhooks;
    // Inside a transaction the rows are not visible until commit: give it a moment before the first try
    // (a job that still cannot see its row is retried with backoff).
    const delay = this.txHost.isTransactionActive() ? 1000 : 0;
    await this.queue.addBulk(
      rows.map((d) => ({
        name: DELIVER_WEBHOOK_JOB,
        data: { tenantId, deliveryId: d.id, maxBackoffMs: cfg.backoffMaxMs } satisfies DeliverWebhookJob,
        opts: { ...deliveryJobOptions(`dlv_${d.id}`, cfg), delay },
      })),
    );
  }
}
