import { TenantId } from '../domain/tenant-id';

/** An invoice as a PDF file, ready to attach to a mail. */
export interface InvoicePdf {
  filename: string;
  content: Buffer;
}

/** Invoice documents for other modules (Notifications attaches them). Invoicing provides it. */
export abstract class InvoiceDocuments {
  /** The invoice rendered as it is now; null when the tenant has no such invoice. */
  abstract invoicePdf(tenantId: TenantId, invoiceId: string): Promise<InvoicePdf | null>;
}
