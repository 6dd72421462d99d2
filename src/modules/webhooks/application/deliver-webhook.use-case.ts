import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock.port';
import { DomainError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { SIGNATURE_HEADER, signPayload } from '../../../shared/contracts/webhook-signature';
import { WebhookDeliveryRepository, WebhookEndpointRepository } from '../domain/webhook.repository.port';
import { WebhookSender } from '../../../shared/contracts/webhook-sender';

/** Thrown so the queue retries the delivery with backoff. */
export class DeliveryFailedError extends DomainError {
  constructor(reason: string) {
    super('upstream_failed', 'webhook_delivery_failed', reason);
  }
}

/** One delivery attempt: sign, POST, log the response; a non-2xx answer throws so BullMQ retries. */
@Injectable()
export class DeliverWebhook {
  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly sender: WebhookSender,
    private readonly clock: Clock,
  ) {}

  async execute(tenantId: TenantId, deliveryId: string, isLastAttempt: boolean): Promise<void> {
    const delivery = await this.deliveries.find(tenantId, deliveryId);
    // Published inside a transaction not yet committed: retry later.
    if (!delivery) throw new DeliveryFailedError(`delivery ${deliveryId} not visible yet`);
    if (delivery.status === 'delivered') return;
    const endpoint = await this.endpoints.find(tenantId, delivery.endpointId);
    if (!endpoint || !endpoint.enabled) {
      await this.deliveries.recordAttempt(
        tenantId,
        deliveryId,
        { statusCode: null, error: 'endpoint disabled or deleted', responseBody: null, durationMs: 0 },
        'failed',
      );
      return;
    }
    const body = JSON.stringify({
      id: delivery.eventId,
      type: delivery.eventType,
      createdAt: delivery.createdAt.toISOString(),
      data: delivery.payload,
    });
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    const response = await this.sender.post(endpoint.url, body, {
      'content-type': 'application/json',
      'user-agent': 'Tollgate-Webhooks/1.0',
      [SIGNATURE_HEADER]: signPayload(endpoint.secret, timestamp, body),
      'Tollgate-Event-Id': delivery.eventId,
      'Tollgate-Event-Type': delivery.eventType,
      'Tollgate-Delivery-Id': delivery.id,
    });
    const ok = response.statusCode !== null && response.statusCode >= 200 && response.statusCode < 300;
    await this.deliveries.recordAttempt(
      tenantId,
      deliveryId,
      response,
      ok ? 'delivered' : isLastAttempt ? 'failed' : 'pending',
    );
    if (!ok) throw new DeliveryFailedError(response.error ?? `endpoint answered ${response.statusCode}`);
  }
}
