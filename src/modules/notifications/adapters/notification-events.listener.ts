import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEventListeners } from '../../../shared/contracts/domain-events';
import { WebhookEventType } from '../../../shared/contracts/webhook-events';
import { RecordNotification } from '../application/record-notification.use-case';
import { MailedEvent } from '../domain/notification';

/** The published events that are mailed (the trial-ending mail comes from the scheduled scan). */
const MAILED = [
  'invoice.finalized',
  'invoice.payment_failed',
  'credits.low',
  'spend_cap.reached',
  'member.invited',
] as const satisfies readonly (WebhookEventType & MailedEvent)[];

/** Each mailed event becomes outbox rows, in the publisher's transaction when it has one. */
@Injectable()
export class NotificationEventsListener implements OnModuleInit {
  constructor(
    private readonly listeners: DomainEventListeners,
    private readonly record: RecordNotification,
  ) {}

  onModuleInit(): void {
    this.listeners.subscribe(MAILED, async ({ tenantId, type, payload }) => {
      await this.record.execute(tenantId, type as MailedEvent, payload);
    });
  }
}
