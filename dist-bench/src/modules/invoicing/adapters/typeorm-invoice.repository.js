"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TypeOrmInvoiceRepository = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const ids_1 = require("../../../shared/domain/ids");
const money_1 = require("../../../shared/domain/money");
const tenant_id_1 = require("../../../shared/domain/tenant-id");
const invoice_repository_port_1 = require("../domain/invoice.repository.port");
const sql_rows_1 = require("./sql-rows");
const trim = (v) => {
    const s = String(v);
    return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
};
const COLUMNS = {
    status: 'status',
    number: 'number',
    creditsApplied: 'credits_applied',
    total: 'total',
    amountCredited: 'amount_credited',
    finalizedAt: 'finalized_at',
    dueAt: 'due_at',
    paidAt: 'paid_at',
    voidedAt: 'voided_at',
    overdueAt: 'overdue_at',
    paymentFailedAt: 'payment_failed_at',
    collectionMethod: 'collection_method',
    stripeInvoiceId: 'stripe_invoice_id',
    paidExternallyAt: 'paid_externally_at',
};
function toInvoice(r, lines) {
    const currency = r.currency.trim();
    const money = (v) => (0, money_1.formatMoney)(String(v), currency);
    return {
        id: r.id,
        tenantId: (0, tenant_id_1.asTenantId)(r.tenant_id),
        subscriptionId: r.subscription_id,
        customerId: r.customer_id,
        status: r.status,
        number: r.number ?? null,
        currency,
        periodStart: r.period_start,
        periodEnd: r.period_end,
        subtotal: money(r.subtotal),
        discountTotal: money(r.discount_total),
        taxRate: trim(r.tax_rate),
        taxTotal: money(r.tax_total),
        creditsApplied: money(r.credits_applied),
        total: money(r.total),
        amountCredited: money(r.amount_credited),
        customer: r.customer,
        outcomes: (r.outcomes ?? []).map((o) => ({
            ...o,
            verifiedAt: new Date(o.verifiedAt),
        })),
        graceUntil: r.grace_until,
        finalizedAt: r.finalized_at ?? null,
        dueAt: r.due_at ?? null,
        paidAt: r.paid_at ?? null,
        voidedAt: r.voided_at ?? null,
        overdueAt: r.overdue_at ?? null,
        paymentFailedAt: r.payment_failed_at ?? null,
        collectionMethod: r.collection_method,
        stripeInvoiceId: r.stripe_invoice_id ?? null,
        paidExternallyAt: r.paid_externally_at ?? null,
        createdAt: r.created_at,
        lines,
    };
}
const toLine = (r, currency) => ({
    id: r.id,
    position: r.position,
    kind: r.kind,
    description: r.description,
    quantity: trim(r.quantity),
    unitAmount: trim(r.unit_amount),
    amount: (0, money_1.formatMoney)(String(r.amount), currency),
    chargeId: r.charge_id ?? null,
    metricCode: r.metric_code ?? null,
    metadata: r.metadata ?? {},
});
const encodeCursor = (createdAt, id) => Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
const decodeCursor = (cursor) => {
    const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
    return at && id && !Number.isNaN(Date.parse(at)) ? [at, id] : null;
};
let TypeOrmInvoiceRepository = class TypeOrmInvoiceRepository extends invoice_repository_port_1.InvoiceRepository {
    txHost;
    constructor(txHost) {
        super();
        this.txHost = txHost;
    }
    q(sql, params) {
        return (0, sql_rows_1.queryRows)(this.txHost.tx, sql, params);
    }
    async withLines(rows) {
        if (!rows.length)
            return [];
        const lines = await this.q(`SELECT * FROM invoice_lines WHERE tenant_id = $1 AND invoice_id = ANY($2::uuid[]) ORDER BY position`, [rows[0].tenant_id, rows.map((r) => r.id)]);
        const currencies = new Map(rows.map((r) => [r.id, r.currency.trim()]));
        const byInvoice = new Map();
        for (const l of lines) {
            const list = byInvoice.get(l.invoice_id) ?? [];
            list.push(toLine(l, currencies.get(l.invoice_id)));
            byInvoice.set(l.invoice_id, list);
        }
        return rows.map((r) => toInvoice(r, byInvoice.get(r.id) ?? []));
    }
    async insertIfAbsent(inv) {
        const rows = await this.q(`WITH inv AS (
         INSERT INTO invoices (id, tenant_id, subscription_id, customer_id, status, currency, period_start,
           period_end, subtotal, discount_total, tax_rate, tax_total, credits_applied, total, customer, outcomes,
           grace_until)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)
         ON CONFLICT (subscription_id, period_start) DO NOTHING RETURNING id),
       lines AS (
         INSERT INTO invoice_lines (id, tenant_id, invoice_id, position, kind, description, quantity, unit_amount,
           amount, charge_id, metric_code, metadata)
         SELECT u.id, $2, inv.id, u.position, u.kind, u.description, u.quantity, u.unit_amount, u.amount,
           u.charge_id, u.metric_code, u.metadata
         FROM inv, unnest($18::uuid[], $19::int[], $20::text[], $21::text[], $22::numeric[], $23::numeric[],
           $24::numeric[], $25::text[], $26::text[], $27::jsonb[])
           AS u(id, position, kind, description, quantity, unit_amount, amount, charge_id, metric_code, metadata)
         RETURNING 1)
       SELECT (SELECT count(*) FROM inv)::int AS inserted, (SELECT count(*) FROM lines)::int AS lines`, [
            inv.id,
            inv.tenantId,
            inv.subscriptionId,
            inv.customerId,
            inv.status,
            inv.currency,
            inv.periodStart,
            inv.periodEnd,
            inv.subtotal,
            inv.discountTotal,
            inv.taxRate,
            inv.taxTotal,
            inv.creditsApplied,
            inv.total,
            JSON.stringify(inv.customer),
            JSON.stringify(inv.outcomes),
            inv.graceUntil,
            inv.lines.map((l) => l.id),
            inv.lines.map((l) => l.position),
            inv.lines.map((l) => l.kind),
            inv.lines.map((l) => l.description),
            inv.lines.map((l) => l.quantity),
            inv.lines.map((l) => l.unitAmount),
            inv.lines.map((l) => l.amount),
            inv.lines.map((l) => l.chargeId),
            inv.lines.map((l) => l.metricCode),
            inv.lines.map((l) => JSON.stringify(l.metadata)),
        ]);
        return rows[0].inserted === 1;
    }
    async findByPeriod(tenantId, subscriptionId, periodStart) {
        const rows = await this.q(`SELECT * FROM invoices WHERE tenant_id = $1 AND subscription_id = $2 AND period_start = $3`, [tenantId, subscriptionId, periodStart]);
        return (await this.withLines(rows))[0] ?? null;
    }
    async find(tenantId, id, opts = {}) {
        const rows = await this.q(`SELECT * FROM invoices WHERE tenant_id = $1 AND id = $2 ${opts.lock ? 'FOR UPDATE' : ''}`, [tenantId, id]);
        return (await this.withLines(rows))[0] ?? null;
    }
    async findByStripeId(stripeInvoiceId) {
        const rows = await this.q(`SELECT * FROM invoices WHERE stripe_invoice_id = $1`, [stripeInvoiceId]);
        return (await this.withLines(rows))[0] ?? null;
    }
    async list(tenantId, q) {
        const params = [tenantId, q.limit + 1];
        const where = ['tenant_id = $1'];
        if (q.status)
            where.push(`status = $${params.push(q.status)}`);
        if (q.customerId)
            where.push(`customer_id = $${params.push(q.customerId)}`);
        const cursor = q.cursor ? decodeCursor(q.cursor) : null;
        if (cursor)
            where.push(`(created_at, id) < ($${params.push(cursor[0])}::timestamptz, $${params.push(cursor[1])}::uuid)`);
        const rows = await this.q(`SELECT * FROM invoices WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $2`, params);
        const page = rows.slice(0, q.limit);
        const last = page[page.length - 1];
        return {
            items: await this.withLines(page),
            nextCursor: rows.length > q.limit && last ? encodeCursor(last.created_at, last.id) : null,
        };
    }
    async update(tenantId, id, patch) {
        const sets = [];
        const params = [tenantId, id];
        for (const [key, value] of Object.entries(patch)) {
            const column = COLUMNS[key];
            if (!column)
                throw new Error(`invoice field ${key} is not updatable`);
            sets.push(`${column} = $${params.push(value)}`);
        }
        if (sets.length)
            await this.q(`UPDATE invoices SET ${sets.join(', ')} WHERE tenant_id = $1 AND id = $2`, params);
    }
    async replaceDraftContent(tenantId, id, c) {
        await this.q(`UPDATE invoices SET subtotal = $3, discount_total = $4, tax_rate = $5, tax_total = $6, credits_applied = $7,
         total = $8, customer = $9, outcomes = $10
       WHERE tenant_id = $1 AND id = $2 AND status = 'draft'`, [
            tenantId,
            id,
            c.subtotal,
            c.discountTotal,
            c.taxRate,
            c.taxTotal,
            c.creditsApplied,
            c.total,
            JSON.stringify(c.customer),
            JSON.stringify(c.outcomes),
        ]);
        await this.q(`DELETE FROM invoice_lines WHERE tenant_id = $1 AND invoice_id = $2`, [tenantId, id]);
        await this.insertLines(tenantId, id, c.lines);
    }
    async insertLines(tenantId, invoiceId, lines) {
        if (!lines.length)
            return;
        await this.q(`INSERT INTO invoice_lines (id, tenant_id, invoice_id, position, kind, description, quantity, unit_amount,
         amount, charge_id, metric_code, metadata)
       SELECT u.id, $1, $2, u.position, u.kind, u.description, u.quantity, u.unit_amount, u.amount, u.charge_id,
         u.metric_code, u.metadata
       FROM unnest($3::uuid[], $4::int[], $5::text[], $6::text[], $7::numeric[], $8::numeric[], $9::numeric[],
         $10::text[], $11::text[], $12::jsonb[])
         AS u(id, position, kind, description, quantity, unit_amount, amount, charge_id, metric_code, metadata)`, [
            tenantId,
            invoiceId,
            lines.map((l) => l.id),
            lines.map((l) => l.position),
            lines.map((l) => l.kind),
            lines.map((l) => l.description),
            lines.map((l) => l.quantity),
            lines.map((l) => l.unitAmount),
            lines.map((l) => l.amount),
            lines.map((l) => l.chargeId),
            lines.map((l) => l.metricCode),
            lines.map((l) => JSON.stringify(l.metadata)),
        ]);
    }
    async nextNumber(tenantId, series) {
        const rows = await this.q(`INSERT INTO invoice_number_counters (tenant_id, series, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (tenant_id, series) DO UPDATE SET last_number = invoice_number_counters.last_number + 1
       RETURNING last_number`, [tenantId, series]);
        return rows[0].last_number;
    }
    async draftsPastGrace(asOf, limit) {
        const rows = await this.q(`SELECT tenant_id, id FROM invoices WHERE status = 'draft' AND grace_until <= $1 ORDER BY grace_until LIMIT $2`, [asOf, limit]);
        return rows.map((r) => ({ tenantId: (0, tenant_id_1.asTenantId)(r.tenant_id), id: r.id }));
    }
    async overdue(asOf, limit) {
        const rows = await this.q(`SELECT * FROM invoices WHERE status = 'finalized' AND due_at < $1 AND overdue_at IS NULL
       ORDER BY due_at LIMIT $2`, [asOf, limit]);
        return rows.map((r) => toInvoice(r, []));
    }
    async insertCreditNote(n) {
        await this.q(`INSERT INTO credit_notes (id, tenant_id, invoice_id, number, reason, method, currency, total, refund_status)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`, [n.id, n.tenantId, n.invoiceId, n.number, n.reason, n.method, n.currency, n.total, n.refundStatus]);
        await this.q(`INSERT INTO credit_note_lines (id, tenant_id, credit_note_id, invoice_line_id, description, amount)
       SELECT u.id, $1, $2, u.line_id, u.description, u.amount
       FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::numeric[]) AS u(id, line_id, description, amount)`, [
            n.tenantId,
            n.id,
            n.lines.map(() => (0, ids_1.newId)()),
            n.lines.map((l) => l.invoiceLineId),
            n.lines.map((l) => l.description),
            n.lines.map((l) => l.amount),
        ]);
        await this.q(`UPDATE invoices SET amount_credited = amount_credited + $3 WHERE tenant_id = $1 AND id = $2`, [n.tenantId, n.invoiceId, n.total]);
    }
    async notesWithLines(rows) {
        if (!rows.length)
            return [];
        const lines = await this.q(`SELECT * FROM credit_note_lines WHERE tenant_id = $1 AND credit_note_id = ANY($2::uuid[]) ORDER BY created_at, id`, [rows[0].tenant_id, rows.map((r) => r.id)]);
        return rows.map((r) => ({
            id: r.id,
            tenantId: (0, tenant_id_1.asTenantId)(r.tenant_id),
            invoiceId: r.invoice_id,
            number: r.number,
            reason: r.reason,
            method: r.method,
            currency: r.currency.trim(),
            total: (0, money_1.formatMoney)(String(r.total), r.currency.trim()),
            refundStatus: r.refund_status,
            refundId: r.refund_id ?? null,
            refundError: r.refund_error ?? null,
            createdAt: r.created_at,
            lines: lines
                .filter((l) => l.credit_note_id === r.id)
                .map((l) => ({
                id: l.id,
                invoiceLineId: l.invoice_line_id ?? null,
                description: l.description,
                amount: (0, money_1.formatMoney)(String(l.amount), r.currency.trim()),
            })),
        }));
    }
    async findCreditNote(tenantId, id) {
        const rows = await this.q(`SELECT * FROM credit_notes WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
        return (await this.notesWithLines(rows))[0] ?? null;
    }
    async creditNotesOf(tenantId, invoiceId) {
        const rows = await this.q(`SELECT * FROM credit_notes WHERE tenant_id = $1 AND invoice_id = $2 ORDER BY created_at, id`, [tenantId, invoiceId]);
        return this.notesWithLines(rows);
    }
    async setRefundStatus(tenantId, creditNoteId, status, extra = {}) {
        const rows = await this.q(`UPDATE credit_notes SET refund_status = $3, refund_id = COALESCE($4, refund_id), refund_error = $5
        WHERE tenant_id = $1 AND id = $2 AND ($6::text[] IS NULL OR refund_status = ANY($6::text[]))
        RETURNING id`, [tenantId, creditNoteId, status, extra.refundId ?? null, extra.error ?? null, extra.from ?? null]);
        return rows.length > 0;
    }
};
exports.TypeOrmInvoiceRepository = TypeOrmInvoiceRepository;
exports.TypeOrmInvoiceRepository = TypeOrmInvoiceRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transactional_1.TransactionHost])
], TypeOrmInvoiceRepository);
//# sourceMappingURL=typeorm-invoice.repository.js.map