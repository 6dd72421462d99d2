import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { ConflictError, NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Invoice } from '../domain/invoice';
import { InvoiceRepository } from '../domain/invoice.repository.port';
import { InvoiceCompletion } from './invoice-completion';

/**
 * draft -> finalized: re-rates the period (usage that arrived during the grace period lands), commits it
 * at Billing and assigns the next gapless number in one transaction (the tenant's counter row stays locked
 * until it commits; a rollback gives the number back), then hands the invoice to collection.
 * Finalizing a finalized or paid invoice returns it unchanged.
 */
@Injectable()
export class FinalizeInvoice {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly completion: InvoiceCompletion,
  ) {}

  async execute(tenantId: TenantId, invoiceId: string): Promise<Invoice> {
    const { invoice, changed } = await this.finalize(tenantId, invoiceId);
    return changed ? this.completion.announce(invoice) : invoice;
  }

  @Transactional()
  private async finalize(
    tenantId: TenantId,
    invoiceId: string,
  ): Promise<{ invoice: Invoice; changed: boolean }> {
    const draft = await this.invoices.find(tenantId, invoiceId, { lock: true });
    if (!draft) throw new NotFoundError('Invoice', invoiceId);
    if (draft.status === 'finalized' || draft.status === 'paid') return { invoice: draft, changed: false };
    if (draft.status !== 'draft')
      throw new ConflictError('invoice_not_draft', `A ${draft.status} invoice cannot be finalized`);

    const rating = await this.completion.rate(tenantId, draft.subscriptionId, {
      start: draft.periodStart,
      end: draft.periodEnd,
    });
    await this.invoices.replaceDraftContent(tenantId, invoiceId, rating.content);
    const { invoice } = await this.completion.complete({ ...draft, ...rating.content }, rating);
    return { invoice, changed: true };
  }
}
