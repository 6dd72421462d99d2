import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { BillingForInvoicing } from '../../../shared/contracts/billing-for-invoicing';
import { WebhookEvents } from '../../../shared/contracts/webhook-events';
import { Clock } from '../../../shared/domain/clock.port';
import { Invoice } from '../domain/invoice';
import { InvoiceRepository } from '../domain/invoice.repository.port';
import { invoiceEventPayload } from './invoice-events';

/** Daily: finalized invoices past their due date put the subscription past_due and emit invoice.overdue, once. */
@Injectable()
export class MarkOverdueInvoices {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly billing: BillingForInvoicing,
    private readonly events: WebhookEvents,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<number> {
    const now = this.clock.now();
    let marked = 0;
    for (;;) {
      const batch = await this.invoices.overdue(now, 200);
      for (const invoice of batch) {
        await this.markOne(invoice, now);
        await this.events.publish(invoice.tenantId, 'invoice.overdue', invoiceEventPayload(invoice));
      }
      marked += batch.length;
      if (batch.length < 200) return marked;
    }
  }

  @Transactional()
  private async markOne(invoice: Invoice, now: Date): Promise<void> {
    await this.invoices.update(invoice.tenantId, invoice.id, { overdueAt: now });
    await this.billing.setSubscriptionStatus(invoice.tenantId, invoice.subscriptionId, 'past_due');
  }
}
