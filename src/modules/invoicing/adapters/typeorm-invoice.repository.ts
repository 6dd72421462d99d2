import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BilledOutcome } from '../../../shared/contracts/billing-for-invoicing';
import { newId } from '../../../shared/domain/ids';
import { formatMoney } from '../../../shared/domain/money';
import { TenantId, asTenantId } from '../../../shared/domain/tenant-id';
import { CreditNote } from '../domain/credit-note';
import { Invoice, InvoiceContent, InvoiceLine, InvoiceStatus } from '../domain/invoice';
import { InvoicePage, InvoiceRepository, NewCreditNote, NewInvoice } from '../domain/invoice.repository.port';
import { crossTenantQuery, tenantQuery } from '../../../shared/persistence/tenant-sql';

type Row = Record<string, unknown>;
import { decodeCursor, instantSql, pageFrom } from '../../../shared/http/cursor';

/** numeric comes back as a string with 12 decimals: drop trailing zeros. */
const trim = (v: unknown): string => {
  const s = String(v);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
};

const COLUMNS: Record<string, string> = {
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

function toInvoice(r: Row, lines: InvoiceLine[]): Invoice {
  const currency = (r.currency as string).trim();
  const money = (v: unknown) => formatMoney(String(v), currency);
  return {
    id: r.id as string,
    tenantId: asTenantId(r.tenant_id as string),
    subscriptionId: r.subscription_id as string,
    customerId: r.customer_id as string,
    status: r.status as InvoiceStatus,
    number: (r.number as string | null) ?? null,
    currency,
    periodStart: r.period_start as Date,
    periodEnd: r.period_end as Date,
    subtotal: money(r.subtotal),
    discountTotal: money(r.discount_total),
    taxRate: trim(r.tax_rate),
    taxTotal: money(r.tax_total),
    creditsApplied: money(r.credits_applied),
    total: money(r.total),
    amountCredited: money(r.amount_credited),
    customer: r.customer as Invoice['customer'],
    outcomes: ((r.outcomes as (BilledOutcome & { verifiedAt: string })[]) ?? []).map((o) => ({
      ...o,
      verifiedAt: new Date(o.verifiedAt),
    })),
    graceUntil: r.grace_until as Date,
    finalizedAt: (r.finalized_at as Date | null) ?? null,
    dueAt: (r.due_at as Date | null) ?? null,
    paidAt: (r.paid_at as Date | null) ?? null,
    voidedAt: (r.voided_at as Date | null) ?? null,
    overdueAt: (r.overdue_at as Date | null) ?? null,
    paymentFailedAt: (r.payment_failed_at as Date | null) ?? null,
    collectionMethod: r.collection_method as Invoice['collectionMethod'],
    stripeInvoiceId: (r.stripe_invoice_id as string | null) ?? null,
    paidExternallyAt: (r.paid_externally_at as Date | null) ?? null,
    createdAt: r.created_at as Date,
    lines,
  };
}

const toLine = (r: Row, currency: string): InvoiceLine => ({
  id: r.id as string,
  position: r.position as number,
  kind: r.kind as InvoiceLine['kind'],
  description: r.description as string,
  quantity: trim(r.quantity),
  unitAmount: trim(r.unit_amount),
  amount: formatMoney(String(r.amount), currency),
  chargeId: (r.charge_id as string | null) ?? null,
  metricCode: (r.metric_code as string | null) ?? null,
  metadata: (r.metadata as Record<string, unknown>) ?? {},
});

@Injectable()
export class TypeOrmInvoiceRepository extends InvoiceRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  private q(tenantId: TenantId, sql: string, params: unknown[]): Promise<Row[]> {
    return tenantQuery<Row>(this.txHost.tx, tenantId, sql, params);
  }

  /** By an id that is unique across tenants (Stripe's, a scheduler's scan): the rows carry their tenant. */
  private acrossTenants(why: string, sql: string, params: unknown[]): Promise<Row[]> {
    return crossTenantQuery<Row>(this.txHost.tx, why, sql, params);
  }

  private async withLines(rows: Row[]): Promise<Invoice[]> {
    if (!rows.length) return [];
    const lines = await this.q(
      asTenantId(rows[0].tenant_id as string),
      `SELECT * FROM invoice_lines WHERE tenant_id = $1 AND invoice_id = ANY($2::uuid[]) ORDER BY position`,
      [rows.map((r) => r.id)],
    );
    const currencies = new Map(rows.map((r) => [r.id as string, (r.currency as string).trim()]));
    const byInvoice = new Map<string, InvoiceLine[]>();
    for (const l of lines) {
      const list = byInvoice.get(l.invoice_id as string) ?? [];
      list.push(toLine(l, currencies.get(l.invoice_id as string)!));
      byInvoice.set(l.invoice_id as string, list);
    }
    return rows.map((r) => toInvoice(r, byInvoice.get(r.id as string) ?? []));
  }

  async insertIfAbsent(inv: NewInvoice): Promise<boolean> {
    // One statement (one round trip on the invoice-run hot path): the lines are written only if the invoice
    // was. ON CONFLICT waits for a concurrent writer of the same period, then does nothing if it committed.
    const rows = await this.q(
      inv.tenantId,
      `WITH inv AS (
         INSERT INTO invoices (id, tenant_id, subscription_id, customer_id, status, currency, period_start,
           period_end, subtotal, discount_total, tax_rate, tax_total, credits_applied, total, customer, outcomes,
           grace_until)
         VALUES ($2,$1,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)
         ON CONFLICT (subscription_id, period_start) DO NOTHING RETURNING id),
       lines AS (
         INSERT INTO invoice_lines (id, tenant_id, invoice_id, position, kind, description, quantity, unit_amount,
           amount, charge_id, metric_code, metadata)
         SELECT u.id, $1, inv.id, u.position, u.kind, u.description, u.quantity, u.unit_amount, u.amount,
           u.charge_id, u.metric_code, u.metadata
         FROM inv, unnest($18::uuid[], $19::int[], $20::text[], $21::text[], $22::numeric[], $23::numeric[],
           $24::numeric[], $25::text[], $26::text[], $27::jsonb[])
           AS u(id, position, kind, description, quantity, unit_amount, amount, charge_id, metric_code, metadata)
         RETURNING 1)
       SELECT (SELECT count(*) FROM inv)::int AS inserted, (SELECT count(*) FROM lines)::int AS lines`,
      [
        inv.id,
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
      ],
    );
    return rows[0].inserted === 1;
  }

  async findByPeriod(tenantId: TenantId, subscriptionId: string, periodStart: Date): Promise<Invoice | null> {
    const rows = await this.q(
      tenantId,
      `SELECT * FROM invoices WHERE tenant_id = $1 AND subscription_id = $2 AND period_start = $3`,
      [subscriptionId, periodStart],
    );
    return (await this.withLines(rows))[0] ?? null;
  }

  async find(tenantId: TenantId, id: string, opts: { lock?: boolean } = {}): Promise<Invoice | null> {
    const rows = await this.q(
      tenantId,
      `SELECT * FROM invoices WHERE tenant_id = $1 AND id = $2 ${opts.lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return (await this.withLines(rows))[0] ?? null;
  }

  async findByStripeId(stripeInvoiceId: string): Promise<Invoice | null> {
    // Stripe ids are globally unique; the caller scopes what it does by the invoice's own tenant.
    const rows = await this.acrossTenants(
      'Stripe ids are unique across tenants',
      `SELECT * FROM invoices WHERE stripe_invoice_id = $1`,
      [stripeInvoiceId],
    );
    return (await this.withLines(rows))[0] ?? null;
  }

  async findByStripePaymentIntent(
    paymentIntentId: string,
  ): Promise<{ tenantId: TenantId; id: string } | null> {
    const rows = await this.acrossTenants(
      'Stripe ids are unique across tenants',
      `SELECT tenant_id, id FROM invoices WHERE stripe_payment_intent_id = $1`,
      [paymentIntentId],
    );
    return rows[0] ? { tenantId: asTenantId(rows[0].tenant_id as string), id: rows[0].id as string } : null;
  }

  async setStripePaymentIntent(
    tenantId: TenantId,
    invoiceId: string,
    paymentIntentId: string,
  ): Promise<void> {
    await this.q(
      tenantId,
      `UPDATE invoices SET stripe_payment_intent_id = $3
        WHERE tenant_id = $1 AND id = $2 AND stripe_payment_intent_id IS NULL`,
      [invoiceId, paymentIntentId],
    );
  }

  async findCreditNoteByRefundId(refundId: string): Promise<{ tenantId: TenantId; id: string } | null> {
    const rows = await this.acrossTenants(
      'Stripe ids are unique across tenants',
      `SELECT tenant_id, id FROM credit_notes WHERE refund_id = $1`,
      [refundId],
    );
    return rows[0] ? { tenantId: asTenantId(rows[0].tenant_id as string), id: rows[0].id as string } : null;
  }

  async list(
    tenantId: TenantId,
    q: { status?: InvoiceStatus; customerId?: string; limit: number; cursor?: string },
  ): Promise<InvoicePage> {
    // $1 is the tenant, bound by tenantQuery: the others are numbered after it.
    const params: unknown[] = [q.limit + 1];
    const next = (v: unknown) => `$${params.push(v) + 1}`;
    const where = ['tenant_id = $1'];
    if (q.status) where.push(`status = ${next(q.status)}`);
    if (q.customerId) where.push(`customer_id = ${next(q.customerId)}`);
    const cursor = q.cursor ? decodeCursor(q.cursor, ['instant', 'uuid']) : null;
    if (cursor) where.push(`(created_at, id) < (${next(cursor[0])}::timestamptz, ${next(cursor[1])}::uuid)`);
    const rows = await this.q(
      tenantId,
      `SELECT *, ${instantSql('created_at')} AS cursor_at FROM invoices WHERE ${where.join(' AND ')}
       ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    const page = pageFrom(rows, q.limit, (last) => [last.cursor_at as string, last.id as string]);
    return { items: await this.withLines(page.items), nextCursor: page.nextCursor };
  }

  async update(tenantId: TenantId, id: string, patch: Partial<Invoice>): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [key, value] of Object.entries(patch)) {
      const column = COLUMNS[key];
      if (!column) throw new Error(`invoice field ${key} is not updatable`);
      sets.push(`${column} = $${params.push(value) + 1}`);
    }
    if (sets.length)
      await this.q(
        tenantId,
        `UPDATE invoices SET ${sets.join(', ')} WHERE tenant_id = $1 AND id = $2`,
        params,
      );
  }

  async updateNumberedAtCommit(
    tenantId: TenantId,
    id: string,
    series: string,
    patch: Partial<Omit<Invoice, 'number'>>,
  ): Promise<void> {
    // The deferred trigger invoices_number_at_commit (migration 1764000650000) takes the number at commit.
    // $1 is the tenant, bound by tenantQuery: the others are numbered after it.
    const params: unknown[] = [id, series];
    const sets = ['number_series = $3'];
    for (const [key, value] of Object.entries(patch)) {
      const column = COLUMNS[key];
      if (!column || key === 'number') throw new Error(`invoice field ${key} is not updatable`);
      sets.push(`${column} = $${params.push(value) + 1}`);
    }
    await this.q(
      tenantId,
      `UPDATE invoices SET ${sets.join(', ')} WHERE tenant_id = $1 AND id = $2 AND number IS NULL`,
      params,
    );
  }

  async numberOf(tenantId: TenantId, id: string): Promise<string | null> {
    const rows = await this.q(tenantId, `SELECT number FROM invoices WHERE tenant_id = $1 AND id = $2`, [id]);
    return (rows[0]?.number as string | null | undefined) ?? null;
  }

  async replaceDraftContent(tenantId: TenantId, id: string, c: InvoiceContent): Promise<void> {
    await this.q(
      tenantId,
      `UPDATE invoices SET subtotal = $3, discount_total = $4, tax_rate = $5, tax_total = $6, credits_applied = $7,
         total = $8, customer = $9, outcomes = $10
       WHERE tenant_id = $1 AND id = $2 AND status = 'draft'`,
      [
        id,
        c.subtotal,
        c.discountTotal,
        c.taxRate,
        c.taxTotal,
        c.creditsApplied,
        c.total,
        JSON.stringify(c.customer),
        JSON.stringify(c.outcomes),
      ],
    );
    await this.q(tenantId, `DELETE FROM invoice_lines WHERE tenant_id = $1 AND invoice_id = $2`, [id]);
    await this.insertLines(tenantId, id, c.lines);
  }

  private async insertLines(tenantId: TenantId, invoiceId: string, lines: Invoice['lines']): Promise<void> {
    if (!lines.length) return;
    await this.q(
      tenantId,
      `INSERT INTO invoice_lines (id, tenant_id, invoice_id, position, kind, description, quantity, unit_amount,
         amount, charge_id, metric_code, metadata)
       SELECT u.id, $1, $2, u.position, u.kind, u.description, u.quantity, u.unit_amount, u.amount, u.charge_id,
         u.metric_code, u.metadata
       FROM unnest($3::uuid[], $4::int[], $5::text[], $6::text[], $7::numeric[], $8::numeric[], $9::numeric[],
         $10::text[], $11::text[], $12::jsonb[])
         AS u(id, position, kind, description, quantity, unit_amount, amount, charge_id, metric_code, metadata)`,
      [
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
      ],
    );
  }

  async draftsPastGrace(asOf: Date, limit: number): Promise<{ tenantId: TenantId; id: string }[]> {
    const rows = await this.acrossTenants(
      'the scheduler finalizes the drafts of every tenant',
      `SELECT tenant_id, id FROM invoices WHERE status = 'draft' AND grace_until <= $1 ORDER BY grace_until LIMIT $2`,
      [asOf, limit],
    );
    return rows.map((r) => ({ tenantId: asTenantId(r.tenant_id as string), id: r.id as string }));
  }

  async overdue(asOf: Date, limit: number): Promise<Invoice[]> {
    const rows = await this.acrossTenants(
      'the scheduler marks the overdue invoices of every tenant',
      `SELECT * FROM invoices WHERE status = 'finalized' AND due_at < $1 AND overdue_at IS NULL
       ORDER BY due_at LIMIT $2`,
      [asOf, limit],
    );
    return rows.map((r) => toInvoice(r, []));
  }

  async insertCreditNote(n: NewCreditNote, series: string): Promise<void> {
    // The deferred trigger credit_notes_number_at_commit (migration 1764000660000) takes the number at commit.
    await this.q(
      n.tenantId,
      `INSERT INTO credit_notes (id, tenant_id, invoice_id, number_series, reason, method, currency, total,
         refund_status)
       VALUES ($2,$1,$3,$4,$5,$6,$7,$8,$9)`,
      [n.id, n.invoiceId, series, n.reason, n.method, n.currency, n.total, n.refundStatus],
    );
    await this.q(
      n.tenantId,
      `INSERT INTO credit_note_lines (id, tenant_id, credit_note_id, invoice_line_id, description, amount)
       SELECT u.id, $1, $2, u.line_id, u.description, u.amount
       FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::numeric[]) AS u(id, line_id, description, amount)`,
      [
        n.id,
        n.lines.map(() => newId()),
        n.lines.map((l) => l.invoiceLineId),
        n.lines.map((l) => l.description),
        n.lines.map((l) => l.amount),
      ],
    );
    await this.q(
      n.tenantId,
      `UPDATE invoices SET amount_credited = amount_credited + $3 WHERE tenant_id = $1 AND id = $2`,
      [n.invoiceId, n.total],
    );
  }

  private async notesWithLines(rows: Row[]): Promise<CreditNote[]> {
    if (!rows.length) return [];
    const lines = await this.q(
      asTenantId(rows[0].tenant_id as string),
      `SELECT * FROM credit_note_lines WHERE tenant_id = $1 AND credit_note_id = ANY($2::uuid[]) ORDER BY created_at, id`,
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => ({
      id: r.id as string,
      tenantId: asTenantId(r.tenant_id as string),
      invoiceId: r.invoice_id as string,
      number: r.number as string,
      reason: r.reason as string,
      method: r.method as CreditNote['method'],
      currency: (r.currency as string).trim(),
      total: formatMoney(String(r.total), (r.currency as string).trim()),
      refundStatus: r.refund_status as CreditNote['refundStatus'],
      refundId: (r.refund_id as string | null) ?? null,
      refundError: (r.refund_error as string | null) ?? null,
      createdAt: r.created_at as Date,
      lines: lines
        .filter((l) => l.credit_note_id === r.id)
        .map((l) => ({
          id: l.id as string,
          invoiceLineId: (l.invoice_line_id as string | null) ?? null,
          description: l.description as string,
          amount: formatMoney(String(l.amount), (r.currency as string).trim()),
        })),
    }));
  }

  async findCreditNote(tenantId: TenantId, id: string): Promise<CreditNote | null> {
    const rows = await this.q(tenantId, `SELECT * FROM credit_notes WHERE tenant_id = $1 AND id = $2`, [id]);
    return (await this.notesWithLines(rows))[0] ?? null;
  }

  async creditNotesOf(tenantId: TenantId, invoiceId: string): Promise<CreditNote[]> {
    const rows = await this.q(
      tenantId,
      `SELECT * FROM credit_notes WHERE tenant_id = $1 AND invoice_id = $2 ORDER BY created_at, id`,
      [invoiceId],
    );
    return this.notesWithLines(rows);
  }

  async setRefundStatus(
    tenantId: TenantId,
    creditNoteId: string,
    status: CreditNote['refundStatus'],
    extra: { refundId?: string; error?: string | null; from?: CreditNote['refundStatus'][] } = {},
  ): Promise<boolean> {
    const rows = await this.q(
      tenantId,
      `UPDATE credit_notes SET refund_status = $3, refund_id = COALESCE($4, refund_id), refund_error = $5
        WHERE tenant_id = $1 AND id = $2 AND ($6::text[] IS NULL OR refund_status = ANY($6::text[]))
        RETURNING id`,
      [creditNoteId, status, extra.refundId ?? null, extra.error ?? null, extra.from ?? null],
    );
    return rows.length > 0;
  }
}
