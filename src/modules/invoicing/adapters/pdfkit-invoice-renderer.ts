import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { dec } from '../../../shared/domain/money';
import { CreditNote } from '../domain/credit-note';
import { Invoice } from '../domain/invoice';
import { InvoiceRenderer, Seller } from '../domain/invoice-renderer.port';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '-');
const money = (amount: string, currency: string) => `${currency} ${amount}`;
const percent = (rate: string) => `${dec(rate).toDecimalPlaces(4).toString()}%`;

/** Evidence as short "key: value" pairs, so the receipt stays readable. */
const evidenceText = (evidence: Record<string, unknown>): string =>
  Object.entries(evidence ?? {})
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ')
    .slice(0, 300);

/**
 * pdfkit with the standard Helvetica font. Streams are left uncompressed: invoices are small, and the text
 * stays searchable by simple tools (the tests read it back).
 */
@Injectable()
export class PdfkitInvoiceRenderer extends InvoiceRenderer {
  private render(draw: (doc: PDFKit.PDFDocument) => void, title: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const doc = new PDFDocument({ size: 'A4', margin: 50, compress: false, info: { Title: title } });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      doc.font('Helvetica');
      draw(doc);
      doc.end();
    });
  }

  private parties(doc: PDFKit.PDFDocument, seller: Seller, invoice: Invoice): void {
    doc.fontSize(10).font('Helvetica-Bold').text('From');
    doc.font('Helvetica').text(seller.name);
    if (seller.address) doc.text(seller.address);
    doc.moveDown(0.5).font('Helvetica-Bold').text('Bill to');
    doc.font('Helvetica').text(invoice.customer.name ?? invoice.customerId);
    if (invoice.customer.email) doc.text(invoice.customer.email);
    if (invoice.customer.externalId) doc.text(`Customer ref: ${invoice.customer.externalId}`);
    doc.moveDown();
  }

  private row(doc: PDFKit.PDFDocument, cells: string[], bold = false): void {
    const widths = [230, 70, 95, 100];
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    let x = 50;
    cells.forEach((cell, i) => {
      doc.text(cell, x, y, { width: widths[i], align: i === 0 ? 'left' : 'right' });
      x += widths[i];
    });
    doc.x = 50;
    doc.moveDown(0.3);
  }

  invoicePdf(invoice: Invoice, seller: Seller): Promise<Buffer> {
    const title = invoice.number ? `Invoice ${invoice.number}` : 'Draft invoice';
    return this.render((doc) => {
      const c = invoice.currency;
      doc.fontSize(20).text(invoice.status === 'draft' ? 'DRAFT INVOICE' : 'INVOICE');
      doc.fontSize(10).text(`Invoice number: ${invoice.number ?? '(assigned when finalized)'}`);
      doc.text(`Status: ${invoice.status}`);
      doc.text(`Issue date: ${day(invoice.finalizedAt)}`);
      doc.text(`Due date: ${day(invoice.dueAt)}`);
      doc.text(`Service period: ${day(invoice.periodStart)} to ${day(invoice.periodEnd)}`);
      doc.moveDown();
      this.parties(doc, seller, invoice);

      this.row(doc, ['Description', 'Quantity', 'Unit price', 'Amount'], true);
      for (const l of invoice.lines)
        this.row(doc, [l.description, l.quantity, l.unitAmount, money(l.amount, c)]);
      doc.moveDown(0.5);
      this.row(doc, ['Subtotal', '', '', money(invoice.subtotal, c)]);
      if (!dec(invoice.discountTotal).isZero())
        this.row(doc, ['Discounts', '', '', money(invoice.discountTotal, c)]);
      this.row(doc, [`Tax (${percent(invoice.taxRate)})`, '', '', money(invoice.taxTotal, c)]);
      if (!dec(invoice.creditsApplied).isZero())
        this.row(doc, ['Credits applied', '', '', money(`-${invoice.creditsApplied}`, c)]);
      this.row(doc, ['Total due', '', '', money(invoice.total, c)], true);
      if (invoice.paidAt) doc.fontSize(10).text(`Paid on ${day(invoice.paidAt)}`);

      if (invoice.outcomes.length) {
        doc.moveDown().fontSize(12).font('Helvetica-Bold').text('Value receipt: verified outcomes');
        doc.font('Helvetica').fontSize(9);
        for (const o of invoice.outcomes) {
          doc.text(`${o.type}: value ${money(o.value, o.currency)}, verified ${day(o.verifiedAt)}`);
          const evidence = evidenceText(o.evidence);
          if (evidence) doc.text(`  Evidence: ${evidence}`);
        }
      }
    }, title);
  }

  creditNotePdf(note: CreditNote, invoice: Invoice, seller: Seller): Promise<Buffer> {
    return this.render((doc) => {
      doc.fontSize(20).text('CREDIT NOTE');
      doc.fontSize(10).text(`Credit note number: ${note.number}`);
      doc.text(`Date: ${day(note.createdAt)}`);
      doc.text(`Corrects invoice: ${invoice.number}`);
      doc.text(`Reason: ${note.reason}`);
      doc.text(`Settlement: ${note.method === 'refund' ? 'refund' : 'credit to the customer wallet'}`);
      doc.moveDown();
      this.parties(doc, seller, invoice);
      this.row(doc, ['Description', '', '', 'Amount'], true);
      for (const l of note.lines) this.row(doc, [l.description, '', '', money(l.amount, note.currency)]);
      doc.moveDown(0.5);
      this.row(doc, ['Total credited', '', '', money(note.total, note.currency)], true);
    }, `Credit note ${note.number}`);
  }
}
