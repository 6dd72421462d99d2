import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { AppConfig } from '../../../config/app-config';
import { CreditsLowThresholds } from '../../../shared/contracts/credits-low-thresholds';
import { WebhookEvents } from '../../../shared/contracts/webhook-events';
import { Clock } from '../../../shared/domain/clock.port';
import { newId } from '../../../shared/domain/ids';
import { Dec, dec, formatMoney, sumMoney } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { CreditRepository } from '../domain/credit.repository.port';
import { allocateDebit } from '../domain/credits';
import { CustomerRepository } from '../domain/customer';

@Injectable()
export class DebitCredits {
  constructor(
    private readonly credits: CreditRepository,
    private readonly customers: CustomerRepository,
    private readonly events: WebhookEvents,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly lowThresholds: CreditsLowThresholds,
  ) {}

  /**
   * Consumes up to `amount` under the wallet's row lock (joins the caller's transaction): concurrent
   * debits queue on the lock and each sees the previous ones, so the balance never goes below zero.
   * Returns what was actually applied. The debit that takes the balance below the organization's
   * credits-low threshold (its notification settings, else CREDITS_LOW_THRESHOLD) emits `credits.low` (once per crossing: the lock makes "before" exact); published inside the
   * transaction, so a rollback drops it with the debit.
   */
  @Transactional()
  async execute(
    tenantId: TenantId,
    customerId: string,
    amount: string,
    reference: string,
    description: string,
  ): Promise<string> {
    if (!dec(amount).gt(0)) return '0';
    const wallet = await this.credits.lockWallet(tenantId, customerId);
    if (!wallet) return '0';
    const now = this.clock.now();
    const grants = await this.credits.grantsRemaining(tenantId, wallet.id);
    const parts = allocateDebit(grants, amount, now);
    await this.credits.insertDebits(
      tenantId,
      wallet.id,
      parts.map((p) => ({
        id: newId(),
        kind: 'debit',
        amount: p.amount.negated().toString(),
        grantId: p.grantId,
        expiresAt: null,
        reference,
        description,
        createdAt: now,
      })),
    );
    const applied = sumMoney(parts.map((p) => p.amount));
    const before = sumMoney(
      grants.filter((g) => g.expiresAt === null || g.expiresAt > now).map((g) => g.remaining),
    );
    await this.announceLowBalance(
      tenantId,
      customerId,
      wallet.currency,
      before,
      before.minus(applied),
      reference,
    );
    return applied.toString();
  }

  private async announceLowBalance(
    tenantId: TenantId,
    customerId: string,
    currency: string,
    before: Dec,
    after: Dec,
    reference: string,
  ): Promise<void> {
    if (!after.lt(before)) return;
    // Per tenant: one primary-key read, only for debits that lower the balance.
    const own = await this.lowThresholds.forTenant(tenantId);
    const threshold = dec(own ?? this.config.billing.creditsLowThreshold);
    if (before.lt(threshold) || after.gte(threshold)) return;
    const customer = await this.customers.find(tenantId, customerId);
    await this.events.publish(tenantId, 'credits.low', {
      customerId,
      externalId: customer?.externalId ?? null,
      balance: formatMoney(after, currency),
      threshold: formatMoney(threshold, currency),
      currency,
      reference,
    });
  }
}
