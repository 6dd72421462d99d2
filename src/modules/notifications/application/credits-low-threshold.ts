import { Injectable } from '@nestjs/common';
import { CreditsLowThresholds } from '../../../shared/contracts/credits-low-thresholds';
import { TenantId } from '../../../shared/domain/tenant-id';
import { NotificationSettingsRepository } from '../domain/notification';

/** The CreditsLowThresholds contract: the organization's own threshold from its notification settings. */
@Injectable()
export class CreditsLowThresholdOfSettings extends CreditsLowThresholds {
  constructor(private readonly settings: NotificationSettingsRepository) {
    super();
  }

  async forTenant(tenantId: TenantId): Promise<string | null> {
    return (await this.settings.find(tenantId))?.creditsLowThreshold ?? null;
  }
}
