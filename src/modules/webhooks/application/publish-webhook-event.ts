import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { AppConfig } from '../../../config/app-config';
import { DomainEventListeners } from '../../../shared/contracts/domain-events';
import { WebhookEvents, WebhookEventType } from '../../../shared/contracts/webhook-events';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { JobQueue } from '../../../shared/queue/job-queue.port';
import { QUEUES } from '../../../shared/queue/queue-names';
import { WebhookDeliveryRepository, WebhookEndpointRepository } from '../domain/webhook.repository.port';
import { DELIVER_WEBHOOK_JOB, DeliverWebhookJob, deliveryJobOptions } from './webhook-jobs';

/** The WebhookEvents port: in-process listeners first, then one delivery row per subscribed endpoint and one queued job per delivery. */
@Injectable()
export class PublishWebhookEvent extends WebhookEvents {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
    private readonly txHost: TransactionHost,
    private readonly listeners: DomainEventListeners,
  ) {
    super();
  }

  async publish(tenantId: TenantId, type: WebhookEventType, payload: Record<string, unknown>): Promise<void> {
    await this.listeners.notify({ tenantId, type, payload });
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
    await this.jobs.addBulk(
      QUEUES.outboundWebhooks,
      rows.map((d) => ({
        name: DELIVER_WEBHOOK_JOB,
        data: { tenantId, deliveryId: d.id, maxBackoffMs: cfg.backoffMaxMs } satisfies DeliverWebhookJob,
        opts: { ...deliveryJobOptions(`dlv_${d.id}`, cfg), delay },
      })),
    );
  }
}
