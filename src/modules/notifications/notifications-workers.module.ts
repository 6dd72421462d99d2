import { Module } from '@nestjs/common';
import { NotificationSchedules, NotificationsProcessor } from './adapters/notifications.processor';
import { NotificationsModule } from './notifications.module';

/** The notifications worker (sends the mails) and the scheduled scan. */
@Module({
  imports: [NotificationsModule],
  providers: [NotificationsProcessor, NotificationSchedules],
})
export class NotificationsWorkersModule {}
