"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PdfkitInvoiceRenderer = void 0;
const common_1 = require("@nestjs/common");
const pdfkit_1 = __importDefault(require("pdfkit"));
const money_1 = require("../../../shared/domain/money");
const invoice_renderer_port_1 = require("../domain/invoice-renderer.port");
const day = (d) => (d ? d.toISOString().slice(0, 10) : '-');
const money = (amount, currency) => `${currency} ${amount}`;
const percent = (rate) => `${(0, money_1.dec)(rate).toDecimalPlaces(4).toString()}%`;
const evidenceText = (evidence) => Object.entries(evidence ?? {})
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ')
    .slice(0, 300);
let PdfkitInvoiceRenderer = class PdfkitInvoiceRenderer extends invoice_renderer_port_1.InvoiceRenderer {
    render(draw, title) {
        return new Promise((resolve, reject) => {
            const doc = new pdfkit_1.default({ size: 'A4', margin: 50, compress: false, info: { Title: title } });
            const chunks = [];
            doc.on('data', (c) => chunks.push(c));
            doc.on('end', () => resolve(Buffer.concat(chunks)));
            doc.on('error', reject);
            doc.font('Helvetica');
            draw(doc);
            doc.end();
        });
    }
    parties(doc, seller, invoice) {
        doc.fontSize(10).font('Helvetica-Bold').text('From');
        doc.font('Helvetica').text(seller.name);
        if (seller.address)
            doc.text(seller.address);
        doc.moveDown(0.5).font('Helvetica-Bold').text('Bill to');
        doc.font('Helvetica').text(invoice.customer.name ?? invoice.customerId);
        if (invoice.customer.email)
            doc.text(invoice.customer.email);
        if (invoice.customer.externalId)
            doc.text(`Customer ref: ${invoice.customer.externalId}`);
        doc.moveDown();
    }
    row(doc, cells, bold = false) {
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
    invoicePdf(invoice, seller) {
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
            if (!(0, money_1.dec)(invoice.discountTotal).isZero())
                this.row(doc, ['Discounts', '', '', money(invoice.discountTotal, c)]);
            this.row(doc, [`Tax (${percent(invoice.taxRate)})`, '', '', money(invoice.taxTotal, c)]);
            if (!(0, money_1.dec)(invoice.creditsApplied).isZero())
                this.row(doc, ['Credits applied', '', '', money(`-${invoice.creditsApplied}`, c)]);
            this.row(doc, ['Total due', '', '', money(invoice.total, c)], true);
            if (invoice.paidAt)
                doc.fontSize(10).text(`Paid on ${day(invoice.paidAt)}`);
            if (invoice.outcomes.length) {
                doc.moveDown().fontSize(12).font('Helvetica-Bold').text('Value receipt: verified outcomes');
                doc.font('Helvetica').fontSize(9);
                for (const o of invoice.outcomes) {
                    doc.text(`${o.type}: value ${money(o.value, o.currency)}, verified ${day(o.verifiedAt)}`);
                    const evidence = evidenceText(o.evidence);
                    if (evidence)
                        doc.text(`  Evidence: ${evidence}`);
                }
            }
        }, title);
    }
    creditNotePdf(note, invoice, seller) {
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
            for (const l of note.lines)
                this.row(doc, [l.description, '', '', money(l.amount, note.currency)]);
            doc.moveDown(0.5);
            this.row(doc, ['Total credited', '', '', money(note.total, note.currency)], true);
        }, `Credit note ${note.number}`);
    }
};
exports.PdfkitInvoiceRenderer = PdfkitInvoiceRenderer;
exports.PdfkitInvoiceRenderer = PdfkitInvoiceRenderer = __decorate([
    (0, common_1.Injectable)()
], PdfkitInvoiceRenderer);
//# sourceMappingURL=pdfkit-invoice-renderer.js.map