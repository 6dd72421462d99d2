import { Injectable } from '@nestjs/common';
import { normalizeEmail } from '../../../shared/domain/email';
import { dec } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { NotificationSettings, NotificationSettingsRepository } from '../domain/notification';
import { GetNotificationSettings } from './get-notification-settings.use-case';

/**
 * Changes the fields given, keeps the others; lists are replaced whole and stored without duplicates; the
 * credits-low threshold is stored normalized ("10.50" -> "10.5"), null going back to the global default.
 */
@Injectable()
export class UpdateNotificationSettings {
  constructor(
    private readonly settings: NotificationSettingsRepository,
    private readonly current: GetNotificationSettings,
  ) {}

  async execute(tenantId: TenantId, patch: Partial<NotificationSettings>): Promise<NotificationSettings> {
    const now = await this.current.execute(tenantId);
    const next: NotificationSettings = {
      enabledEvents: [...new Set(patch.enabledEvents ?? now.enabledEvents)],
      recipientRoles: [...new Set(patch.recipientRoles ?? now.recipientRoles)],
      extraRecipients: [...new Set((patch.extraRecipients ?? now.extraRecipients).map(normalizeEmail))],
      notifyCustomer: patch.notifyCustomer ?? now.notifyCustomer,
      // null is a value here (back to the global default): only a field left out keeps the current one.
      creditsLowThreshold:
        patch.creditsLowThreshold === undefined
          ? now.creditsLowThreshold
          : patch.creditsLowThreshold === null
            ? null
            : dec(patch.creditsLowThreshold).toString(),
    };
    await this.settings.save(tenantId, next);
    return next;
  }
}
