import { Injectable } from '@nestjs/common';
import { TenantId } from '../domain/tenant-id';
import { WebhookEventType } from './webhook-events';

/** An event published through WebhookEvents, as in-process listeners see it. */
export interface DomainEvent {
  tenantId: TenantId;
  type: WebhookEventType;
  payload: Record<string, unknown>;
}

export type DomainEventHandler = (event: DomainEvent) => Promise<void>;

/**
 * In-process subscribers to the events every module publishes through WebhookEvents (WebhooksModule
 * provides this registry and calls it on each publish, before the webhook deliveries). Handlers
 * run in the publisher's transaction when it has one, so what they write commits or rolls back with the
 * event; they must be idempotent (events can repeat) and short (hand slow work to a queue).
 */
@Injectable()
export class DomainEventListeners {
  private readonly handlers = new Map<WebhookEventType, DomainEventHandler[]>();

  subscribe(types: readonly WebhookEventType[], handler: DomainEventHandler): void {
    for (const type of types) this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }

  async notify(event: DomainEvent): Promise<void> {
    for (const handler of this.handlers.get(event.type) ?? []) await handler(event);
  }
}
