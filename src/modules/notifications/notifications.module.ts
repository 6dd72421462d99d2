import { Module, forwardRef } from '@nestjs/common';
import { CreditsLowThresholds } from '../../shared/contracts/credits-low-thresholds';
import { MailModule } from '../../shared/mail/mail.module';
import { InvoicingModule } from '../invoicing/invoicing.module';
import {
  EndingTrials,
  NotificationOutbox,
  NotificationSettingsRepository,
  RecipientDirectory,
} from './domain/notification';
import { CreditsLowThresholdOfSettings } from './application/credits-low-threshold';
import { GetNotificationSettings } from './application/get-notification-settings.use-case';
import { RecordNotification } from './application/record-notification.use-case';
import { RequeuePendingNotifications } from './application/requeue-pending-notifications.use-case';
import { ScanEndingTrials } from './application/scan-ending-trials.use-case';
import { SendNotification } from './application/send-notification.use-case';
import { UpdateNotificationSettings } from './application/update-notification-settings.use-case';
import { NotificationEventsListener } from './adapters/notification-events.listener';
import { NotificationSettingsController } from './adapters/notifications.controller';
import {
  SqlEndingTrials,
  SqlRecipientDirectory,
  TypeOrmNotificationOutbox,
  TypeOrmNotificationSettingsRepository,
} from './adapters/typeorm-notification.repositories';
import { WebhooksModule } from '../webhooks/webhooks.module';

/**
 * Email notifications: domain events become outbox rows (one per recipient, once per event) sent by the
 * notifications worker with retries; per-organization settings. See docs/modules/notifications.md.
 * Global: Billing reads an organization's credits-low threshold from its settings.
 */
@Module({
  imports: [forwardRef(() => WebhooksModule), MailModule, forwardRef(() => InvoicingModule)],
  controllers: [NotificationSettingsController],
  providers: [
    { provide: NotificationSettingsRepository, useClass: TypeOrmNotificationSettingsRepository },
    { provide: NotificationOutbox, useClass: TypeOrmNotificationOutbox },
    { provide: RecipientDirectory, useClass: SqlRecipientDirectory },
    { provide: EndingTrials, useClass: SqlEndingTrials },
    GetNotificationSettings,
    UpdateNotificationSettings,
    RecordNotification,
    SendNotification,
    ScanEndingTrials,
    RequeuePendingNotifications,
    NotificationEventsListener,
    { provide: CreditsLowThresholds, useClass: CreditsLowThresholdOfSettings },
  ],
  exports: [SendNotification, ScanEndingTrials, RequeuePendingNotifications, CreditsLowThresholds],
})
export class NotificationsModule {}
