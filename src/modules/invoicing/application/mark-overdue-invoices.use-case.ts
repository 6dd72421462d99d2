import { Injectable, Logger } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { BillingForInvoicing } from '../../../shared/contracts/billing-for-invoicing';
import { WebhookEvents } from '../../../shared/contracts/webhook-events';
import { Clock } from '../../../shared/domain/clock.port';
import { ConflictError } from '../../../shared/domain/domain-error';
import { Invoice } from '../domain/invoice';
import { InvoiceRepository } from '../domain/invoice.repository.port';
import { invoiceEventPayload } from './invoice-events';

/** Daily: finalized invoices past their due date put the subscription past_due and emit invoice.overdue, once. */
@Injectable()
export class MarkOverdueInvoices {
  private readonly logger = new Logger(MarkOverdueInvoices.name);

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
      let markedNow = 0;
      for (const invoice of batch) {
        // One invoice failing (say its subscription vanished) must not stop the others; it is retried tomorrow.
        try {
          await this.markOne(invoice, now);
        } catch (error) {
          this.logger.warn({ err: error, invoiceId: invoice.id }, 'could not mark an overdue invoice');
          continue;
        }
        markedNow++;
        await this.events.publish(invoice.tenantId, 'invoice.overdue', invoiceEventPayload(invoice));
      }
      marked += markedNow;
      if (batch.length < 200 || markedNow === 0) return marked;
    }
  }

  @Transactional()
  private async markOne(invoice: Invoice, now: Date): Promise<void> {
    await this.invoices.update(invoice.tenantId, invoice.id, { overdueAt: now });
    try {
      await this.billing.setSubscriptionStatus(invoice.tenantId, invoice.subscriptionId, 'past_due');
    } catch (error) {
      // A canceled subscription stays canceled; the invoice is still overdue.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
}
