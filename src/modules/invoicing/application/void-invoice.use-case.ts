import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { BillingForInvoicing } from '../../../shared/contracts/billing-for-invoicing';
import { WebhookEvents } from '../../../shared/contracts/webhook-events';
import { Clock } from '../../../shared/domain/clock.port';
import { ConflictError, NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { canTransition, Invoice } from '../domain/invoice';
import { InvoiceCollector } from '../domain/invoice-collector.port';
import { InvoiceRepository } from '../domain/invoice.repository.port';
import { invoiceEventPayload } from './invoice-events';

/** Voids a draft or unpaid invoice (its number stays used: numbers are never reused). Paid ones need a credit note. */
@Injectable()
export class VoidInvoice {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly billing: BillingForInvoicing,
    private readonly collector: InvoiceCollector,
    private readonly events: WebhookEvents,
    private readonly clock: Clock,
  ) {}

  async execute(tenantId: TenantId, invoiceId: string): Promise<Invoice> {
    // The gateway first (idempotent per invoice): if Stripe refuses, e.g. because it was paid there
    // meanwhile, nothing changes here and the caller sees the 502; retrying is safe.
    const current = await this.invoices.find(tenantId, invoiceId);
    if (!current) throw new NotFoundError('Invoice', invoiceId);
    if (current.stripeInvoiceId && canTransition(current.status, 'void'))
      await this.collector.voidAtGateway(current);
    const { invoice, changed } = await this.voidInTx(tenantId, invoiceId);
    if (changed) await this.events.publish(tenantId, 'invoice.voided', invoiceEventPayload(invoice));
    return invoice;
  }

  @Transactional()
  private async voidInTx(
    tenantId: TenantId,
    invoiceId: string,
  ): Promise<{ invoice: Invoice; changed: boolean }> {
    const invoice = await this.invoices.find(tenantId, invoiceId, { lock: true });
    if (!invoice) throw new NotFoundError('Invoice', invoiceId);
    if (invoice.status === 'void') return { invoice, changed: false };
    if (!canTransition(invoice.status, 'void'))
      throw new ConflictError(
        'invoice_not_voidable',
        `A ${invoice.status} invoice cannot be voided; issue a credit note instead`,
      );
    // A draft's period was never committed at Billing: commit it now (no credits, no coupons) so the
    // subscription moves on instead of being invoiced again.
    if (invoice.status === 'draft')
      await this.billing.commitInvoicedPeriod({
        tenantId,
        subscriptionId: invoice.subscriptionId,
        periodStart: invoice.periodStart,
        periodEnd: invoice.periodEnd,
        invoiceId,
        creditsToApply: '0',
        couponRedemptionIds: [],
      });
    const patch = { status: 'void' as const, voidedAt: this.clock.now() };
    await this.invoices.update(tenantId, invoiceId, patch);
    return { invoice: { ...invoice, ...patch }, changed: true };
  }
}
