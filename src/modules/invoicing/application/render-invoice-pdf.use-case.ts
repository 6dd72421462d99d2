import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { InvoiceDocuments, InvoicePdf } from '../../../shared/contracts/invoice-documents';
import { TenantId } from '../../../shared/domain/tenant-id';
import { InvoiceRenderer } from '../domain/invoice-renderer.port';
import { InvoiceRepository } from '../domain/invoice.repository.port';

/** The InvoiceDocuments contract: an invoice's PDF, named by its number, for other modules. */
@Injectable()
export class RenderInvoicePdf extends InvoiceDocuments {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly renderer: InvoiceRenderer,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async invoicePdf(tenantId: TenantId, invoiceId: string): Promise<InvoicePdf | null> {
    const invoice = await this.invoices.find(tenantId, invoiceId);
    if (!invoice) return null;
    const content = await this.renderer.invoicePdf(invoice, {
      name: this.config.invoicing.sellerName,
      address: this.config.invoicing.sellerAddress,
    });
    return { filename: `${invoice.number ?? `draft-${invoice.id}`}.pdf`, content };
  }
}
