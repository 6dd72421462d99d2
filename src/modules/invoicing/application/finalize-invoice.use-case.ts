import { Injectable, Logger } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { AppConfig } from '../../../config/app-config';
import { WebhookEvents } from '../../../shared/contracts/webhook-events';
import { Clock } from '../../../shared/domain/clock.port';
import { ConflictError, NotFoundError } from '../../../shared/domain/domain-error';
import { dec } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { formatNumber, Invoice, numberSeries } from '../domain/invoice';
import { InvoiceCollector } from '../domain/invoice-collector.port';
import { InvoiceRepository } from '../domain/invoice.repository.port';
import { invoiceEventPayload } from './invoice-events';

/**
 * draft -> finalized: assigns the next gapless number (the tenant's counter row stays locked until this
 * transaction commits, and a rollback gives the number back), sets the due date, then hands the invoice
 * to collection (Stripe or manual). Finalizing a finalized or paid invoice returns it unchanged.
 */
@Injectable()
export class FinalizeInvoice {
  private readonly logger = new Logger(FinalizeInvoice.name);

  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly collector: InvoiceCollector,
    private readonly events: WebhookEvents,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async execute(tenantId: TenantId, invoiceId: string): Promise<Invoice> {
    const { invoice, changed } = await this.assignNumber(tenantId, invoiceId);
    if (!changed) return invoice;
    await this.events.publish(tenantId, 'invoice.finalized', invoiceEventPayload(invoice));
    if (invoice.status === 'paid') {
      await this.events.publish(tenantId, 'invoice.paid', invoiceEventPayload(invoice));
      return invoice;
    }
    return this.collect(invoice);
  }

  @Transactional()
  private async assignNumber(
    tenantId: TenantId,
    invoiceId: string,
  ): Promise<{ invoice: Invoice; changed: boolean }> {
    const invoice = await this.invoices.find(tenantId, invoiceId, { lock: true });
    if (!invoice) throw new NotFoundError('Invoice', invoiceId);
    if (invoice.status === 'finalized' || invoice.status === 'paid') return { invoice, changed: false };
    if (invoice.status !== 'draft')
      throw new ConflictError('invoice_not_draft', `A ${invoice.status} invoice cannot be finalized`);

    const now = this.clock.now();
    const series = numberSeries(this.config.invoicing.numberPrefix, now);
    const number = formatNumber(series, await this.invoices.nextNumber(tenantId, series));
    // Paid before we finalized (Stripe said so first) or nothing to pay: finalize straight into paid.
    const paid = invoice.paidExternallyAt !== null || dec(invoice.total).lte(0);
    const patch: Partial<Invoice> = {
      status: paid ? 'paid' : 'finalized',
      number,
      finalizedAt: now,
      dueAt: new Date(now.getTime() + this.config.invoicing.paymentTermsDays * 86400_000),
      paidAt: paid ? (invoice.paidExternallyAt ?? now) : null,
    };
    await this.invoices.update(tenantId, invoiceId, patch);
    return { invoice: { ...invoice, ...patch }, changed: true };
  }

  /** Collection failing (Stripe down) leaves the invoice finalized for manual collection; it is logged. */
  private async collect(invoice: Invoice): Promise<Invoice> {
    try {
      const result = await this.collector.collect(invoice);
      if (result.method === 'manual') return invoice;
      const patch = { collectionMethod: 'stripe' as const, stripeInvoiceId: result.stripeInvoiceId };
      await this.invoices.update(invoice.tenantId, invoice.id, patch);
      return { ...invoice, ...patch };
    } catch (error) {
      this.logger.warn(
        { err: error, invoiceId: invoice.id },
        'collection through Stripe failed; left for manual collection',
      );
      return invoice;
    }
  }
}
