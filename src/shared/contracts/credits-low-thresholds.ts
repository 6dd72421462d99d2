import { TenantId } from '../domain/tenant-id';

/**
 * The balance under which an organization's credit wallets are "low" (`credits.low`): its own setting in
 * the notification settings, else null and Billing uses CREDITS_LOW_THRESHOLD. NotificationsModule provides
 * it; Billing asks when a debit could cross it.
 */
export abstract class CreditsLowThresholds {
  /** A non-negative decimal string, or null for the global default. */
  abstract forTenant(tenantId: TenantId): Promise<string | null>;
}
