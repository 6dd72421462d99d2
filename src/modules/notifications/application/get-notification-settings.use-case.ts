import { Injectable } from '@nestjs/common';
import { TenantId } from '../../../shared/domain/tenant-id';
import {
  DEFAULT_SETTINGS,
  NotificationSettings,
  NotificationSettingsRepository,
} from '../domain/notification';

/** The organization's notification settings; the defaults until it changes them. */
@Injectable()
export class GetNotificationSettings {
  constructor(private readonly settings: NotificationSettingsRepository) {}

  async execute(tenantId: TenantId): Promise<NotificationSettings> {
    return (await this.settings.find(tenantId)) ?? DEFAULT_SETTINGS;
  }
}
