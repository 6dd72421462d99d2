import { CreditNote } from './credit-note';
import { Invoice } from './invoice';

export interface Seller {
  name: string;
  address: string;
}

/** Renders invoices and credit notes as PDF documents. */
export abstract class InvoiceRenderer {
  abstract invoicePdf(invoice: Invoice, seller: Seller): Promise<Buffer>;
  abstract creditNotePdf(note: CreditNote, invoice: Invoice, seller: Seller): Promise<Buffer>;
}
