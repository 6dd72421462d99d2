import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Adjustment, Subscription, SubscriptionRepository } from '../domain/subscription';
import { num } from './numeric';
import { crossTenantQuery, tenantQuery } from '../../../shared/persistence/tenant-sql';
import { decodeCursor, instantSql, Page, pageFrom } from '../../../shared/http/cursor';

const COLS = `id, tenant_id, customer_id, plan_id, plan_version_id, status, seats, timezone, started_at, trial_end,
  anchor_date::text AS anchor_date, period_index, current_period_start, current_period_end, cancel_at_period_end,
  canceled_at, closed, created_at`;

interface SubscriptionRecord {
  id: Subscription['id'];
  tenant_id: Subscription['tenantId'];
  customer_id: Subscription['customerId'];
  plan_id: Subscription['planId'];
  plan_version_id: Subscription['planVersionId'];
  status: Subscription['status'];
  seats: Subscription['seats'];
  timezone: Subscription['timezone'];
  started_at: Subscription['startedAt'];
  trial_end: Subscription['trialEnd'];
  anchor_date: Subscription['anchorDate'];
  period_index: Subscription['periodIndex'];
  current_period_start: Subscription['currentPeriodStart'];
  current_period_end: Subscription['currentPeriodEnd'];
  cancel_at_period_end: Subscription['cancelAtPeriodEnd'];
  canceled_at: Subscription['canceledAt'];
  closed: Subscription['closed'];
  created_at: Subscription['createdAt'];
}

const toDomain = (r: SubscriptionRecord): Subscription => ({
  id: r.id,
  tenantId: r.tenant_id,
  customerId: r.customer_id,
  planId: r.plan_id,
  planVersionId: r.plan_version_id,
  status: r.status,
  seats: r.seats,
  timezone: r.timezone,
  startedAt: r.started_at,
  trialEnd: r.trial_end,
  anchorDate: r.anchor_date,
  periodIndex: r.period_index,
  currentPeriodStart: r.current_period_start,
  currentPeriodEnd: r.current_period_end,
  cancelAtPeriodEnd: r.cancel_at_period_end,
  canceledAt: r.canceled_at,
  closed: r.closed,
  createdAt: r.created_at,
});

interface AdjustmentRecord {
  id: Adjustment['id'];
  tenant_id: Adjustment['tenantId'];
  subscription_id: Adjustment['subscriptionId'];
  kind: Adjustment['kind'];
  description: Adjustment['description'];
  quantity: string;
  unit_amount: string;
  amount: string;
  effective_at: Adjustment['effectiveAt'];
}

const adjustmentToDomain = (r: AdjustmentRecord): Adjustment => ({
  id: r.id,
  tenantId: r.tenant_id,
  subscriptionId: r.subscription_id,
  kind: r.kind,
  description: r.description,
  quantity: num(r.quantity) as string,
  unitAmount: num(r.unit_amount) as string,
  amount: num(r.amount) as string,
  effectiveAt: r.effective_at,
});

@Injectable()
export class TypeOrmSubscriptionRepository extends SubscriptionRepository {
  constructor(private readonly t: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async insert(s: Subscription): Promise<void> {
    await tenantQuery(
      this.t.tx,
      s.tenantId,
      `INSERT INTO subscriptions (id, tenant_id, customer_id, plan_id, plan_version_id, status, seats, timezone, started_at,
         trial_end, anchor_date, period_index, current_period_start, current_period_end, cancel_at_period_end, canceled_at, closed)
       VALUES ($2,$1,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)`,
      [
        s.id,
        s.customerId,
        s.planId,
        s.planVersionId,
        s.status,
        s.seats,
        s.timezone,
        s.startedAt,
        s.trialEnd,
        s.anchorDate,
        s.periodIndex,
        s.currentPeriodStart,
        s.currentPeriodEnd,
        s.cancelAtPeriodEnd,
        s.canceledAt,
        s.closed,
      ],
    );
  }

  async find(tenantId: TenantId, id: string): Promise<Subscription | null> {
    const rows = await tenantQuery<SubscriptionRecord>(
      this.t.tx,
      tenantId,
      `SELECT ${COLS} FROM subscriptions WHERE tenant_id = $1 AND id = $2`,
      [id],
    );
    return rows[0] ? toDomain(rows[0]) : null;
  }

  async findForUpdate(tenantId: TenantId, id: string): Promise<Subscription | null> {
    const rows = await tenantQuery<SubscriptionRecord>(
      this.t.tx,
      tenantId,
      `SELECT ${COLS} FROM subscriptions WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [id],
    );
    return rows[0] ? toDomain(rows[0]) : null;
  }

  async list(
    tenantId: TenantId,
    opts: { customerId?: string; limit: number; cursor?: string },
  ): Promise<Page<Subscription>> {
    const [at, id] = opts.cursor ? decodeCursor(opts.cursor, ['instant', 'uuid']) : [null, null];
    const rows = await tenantQuery<SubscriptionRecord & { cursor_at: string }>(
      this.t.tx,
      tenantId,
      `SELECT ${COLS}, ${instantSql('created_at')} AS cursor_at FROM subscriptions WHERE tenant_id = $1 AND ($2::uuid IS NULL OR customer_id = $2::uuid)
         AND ($4::timestamptz IS NULL OR (created_at, id) > ($4::timestamptz, $5::uuid))
        ORDER BY created_at, id LIMIT $3`,
      [opts.customerId ?? null, opts.limit + 1, at, id],
    );
    const page = pageFrom(rows, opts.limit, (last) => [last.cursor_at, last.id]);
    return { items: page.items.map(toDomain), nextCursor: page.nextCursor };
  }

  async update(s: Subscription): Promise<void> {
    await tenantQuery(
      this.t.tx,
      s.tenantId,
      `UPDATE subscriptions SET plan_id = $3, plan_version_id = $4, status = $5, seats = $6, trial_end = $7, anchor_date = $8,
         period_index = $9, current_period_start = $10, current_period_end = $11, cancel_at_period_end = $12,
         canceled_at = $13, closed = $14
       WHERE tenant_id = $1 AND id = $2`,
      [
        s.id,
        s.planId,
        s.planVersionId,
        s.status,
        s.seats,
        s.trialEnd,
        s.anchorDate,
        s.periodIndex,
        s.currentPeriodStart,
        s.currentPeriodEnd,
        s.cancelAtPeriodEnd,
        s.canceledAt,
        s.closed,
      ],
    );
  }

  async addAdjustments(adjustments: Adjustment[]): Promise<void> {
    for (const a of adjustments) {
      await tenantQuery(
        this.t.tx,
        a.tenantId,
        `INSERT INTO subscription_adjustments (id, tenant_id, subscription_id, kind, description, quantity, unit_amount, amount, effective_at)
         VALUES ($2,$1,$3,$4,$5,$6,$7,$8,$9)`,
        [a.id, a.subscriptionId, a.kind, a.description, a.quantity, a.unitAmount, a.amount, a.effectiveAt],
      );
    }
  }

  async openAdjustments(tenantId: TenantId, subscriptionId: string, before: Date): Promise<Adjustment[]> {
    const rows = await tenantQuery<AdjustmentRecord>(
      this.t.tx,
      tenantId,
      `SELECT * FROM subscription_adjustments
        WHERE tenant_id = $1 AND subscription_id = $2 AND invoice_id IS NULL AND effective_at < $3
        ORDER BY seq`,
      [subscriptionId, before],
    );
    return rows.map(adjustmentToDomain);
  }

  async markAdjustmentsInvoiced(tenantId: TenantId, subscriptionId: string, before: Date, invoiceId: string) {
    await tenantQuery(
      this.t.tx,
      tenantId,
      `UPDATE subscription_adjustments SET invoice_id = $4
        WHERE tenant_id = $1 AND subscription_id = $2 AND invoice_id IS NULL AND effective_at < $3`,
      [subscriptionId, before, invoiceId],
    );
  }

  async due(asOf: Date, limit: number, after?: string, tenantId?: TenantId) {
    const rows = await crossTenantQuery<{
      tenant_id: TenantId;
      id: string;
      customer_id: string;
      current_period_start: Date;
      current_period_end: Date;
    }>(
      this.t.tx,
      'the invoice scheduler finds due subscriptions of every tenant (or of the one it is given)',
      `SELECT tenant_id, id, customer_id, current_period_start, current_period_end FROM subscriptions
        WHERE NOT closed AND current_period_end <= $1 AND ($2::uuid IS NULL OR id > $2::uuid)
          AND ($3::uuid IS NULL OR tenant_id = $3::uuid)
        ORDER BY id LIMIT $4`,
      [asOf, after ?? null, tenantId ?? null, limit],
    );
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      id: r.id,
      customerId: r.customer_id,
      currentPeriodStart: r.current_period_start,
      currentPeriodEnd: r.current_period_end,
    }));
  }

  async recordInvoicedPeriod(input: {
    tenantId: TenantId;
    subscriptionId: string;
    periodStart: Date;
    periodEnd: Date;
    invoiceId: string;
  }): Promise<{ created: boolean; creditsApplied: string }> {
    const rows = await tenantQuery(
      this.t.tx,
      input.tenantId,
      `INSERT INTO subscription_invoiced_periods (id, tenant_id, subscription_id, period_start, period_end, invoice_id, credits_applied)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 0)
       ON CONFLICT (subscription_id, period_start) DO NOTHING RETURNING id`,
      [input.subscriptionId, input.periodStart, input.periodEnd, input.invoiceId],
    );
    if (rows.length) return { created: true, creditsApplied: '0' };
    const [existing] = await tenantQuery<{ credits_applied: string }>(
      this.t.tx,
      input.tenantId,
      `SELECT credits_applied FROM subscription_invoiced_periods WHERE tenant_id = $1 AND subscription_id = $2 AND period_start = $3`,
      [input.subscriptionId, input.periodStart],
    );
    return { created: false, creditsApplied: num(existing?.credits_applied) ?? '0' };
  }

  async setInvoicedPeriodCredits(
    tenantId: TenantId,
    subscriptionId: string,
    periodStart: Date,
    credits: string,
  ) {
    await tenantQuery(
      this.t.tx,
      tenantId,
      `UPDATE subscription_invoiced_periods SET credits_applied = $4 WHERE tenant_id = $1 AND subscription_id = $2 AND period_start = $3`,
      [subscriptionId, periodStart, credits],
    );
  }

  async liveForCustomer(tenantId: TenantId, customerId: string): Promise<Subscription[]> {
    const rows = await tenantQuery<SubscriptionRecord>(
      this.t.tx,
      tenantId,
      `SELECT ${COLS} FROM subscriptions WHERE tenant_id = $1 AND customer_id = $2 AND NOT closed ORDER BY current_period_start`,
      [customerId],
    );
    return rows.map(toDomain);
  }
}
