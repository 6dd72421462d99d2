import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Customer, CustomerPatch, CustomerRepository } from '../domain/customer';
import { num } from './numeric';
import { tenantQuery } from '../../../shared/persistence/tenant-sql';
import { decodeCursor, instantSql, Page, pageFrom } from '../../../shared/http/cursor';

const COLS = `id, tenant_id, external_id, name, email, currency, timezone, tax_rate, stripe_customer_id,
  billing_address, spend_cap, prepaid_only, created_at, updated_at`;

interface CustomerRecord {
  id: Customer['id'];
  tenant_id: Customer['tenantId'];
  external_id: Customer['externalId'];
  name: Customer['name'];
  email: Customer['email'];
  currency: Customer['currency'];
  timezone: Customer['timezone'];
  tax_rate: string;
  stripe_customer_id: Customer['stripeCustomerId'];
  billing_address: Customer['billingAddress'];
  spend_cap: string | null;
  prepaid_only: Customer['prepaidOnly'];
  created_at: Customer['createdAt'];
  updated_at: Customer['updatedAt'];
}

const toDomain = (r: CustomerRecord): Customer => ({
  id: r.id,
  tenantId: r.tenant_id,
  externalId: r.external_id,
  name: r.name,
  email: r.email,
  currency: r.currency,
  timezone: r.timezone,
  taxRate: num(r.tax_rate) as string,
  stripeCustomerId: r.stripe_customer_id,
  billingAddress: r.billing_address,
  spendCap: num(r.spend_cap),
  prepaidOnly: r.prepaid_only,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const PATCH_COLUMNS: Record<keyof CustomerPatch, string> = {
  externalId: 'external_id',
  name: 'name',
  email: 'email',
  currency: 'currency',
  timezone: 'timezone',
  taxRate: 'tax_rate',
  billingAddress: 'billing_address',
  spendCap: 'spend_cap',
  prepaidOnly: 'prepaid_only',
  stripeCustomerId: 'stripe_customer_id',
};

@Injectable()
export class TypeOrmCustomerRepository extends CustomerRepository {
  constructor(private readonly t: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async insert(c: Customer): Promise<boolean> {
    const rows = await tenantQuery(
      this.t.tx,
      c.tenantId,
      `INSERT INTO customers (id, tenant_id, external_id, name, email, currency, timezone, tax_rate,
         stripe_customer_id, billing_address, spend_cap, prepaid_only)
       VALUES ($2,$1,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)
       ON CONFLICT (tenant_id, external_id) WHERE external_id IS NOT NULL DO NOTHING RETURNING id`,
      [
        c.id,
        c.externalId,
        c.name,
        c.email,
        c.currency,
        c.timezone,
        c.taxRate,
        c.stripeCustomerId,
        c.billingAddress ? JSON.stringify(c.billingAddress) : null,
        c.spendCap,
        c.prepaidOnly,
      ],
    );
    return rows.length > 0;
  }

  async find(tenantId: TenantId, id: string): Promise<Customer | null> {
    const rows = await tenantQuery<CustomerRecord & { cursor_at: string }>(
      this.t.tx,
      tenantId,
      `SELECT ${COLS} FROM customers WHERE tenant_id = $1 AND id = $2`,
      [id],
    );
    return rows[0] ? toDomain(rows[0]) : null;
  }

  async findByRef(tenantId: TenantId, ref: { id?: string; externalId?: string }): Promise<Customer | null> {
    if (ref.id) return this.find(tenantId, ref.id);
    if (!ref.externalId) return null;
    const rows = await tenantQuery<CustomerRecord & { cursor_at: string }>(
      this.t.tx,
      tenantId,
      `SELECT ${COLS} FROM customers WHERE tenant_id = $1 AND external_id = $2`,
      [ref.externalId],
    );
    return rows[0] ? toDomain(rows[0]) : null;
  }

  async list(tenantId: TenantId, page: { limit: number; cursor?: string }): Promise<Page<Customer>> {
    const [at, id] = page.cursor ? decodeCursor(page.cursor, ['instant', 'uuid']) : [null, null];
    const rows = await tenantQuery<CustomerRecord & { cursor_at: string }>(
      this.t.tx,
      tenantId,
      `SELECT ${COLS}, ${instantSql('created_at')} AS cursor_at FROM customers WHERE tenant_id = $1
         AND ($3::timestamptz IS NULL OR (created_at, id) > ($3::timestamptz, $4::uuid))
       ORDER BY created_at, id LIMIT $2`,
      [page.limit + 1, at, id],
    );
    const result = pageFrom(rows, page.limit, (last) => [last.cursor_at, last.id]);
    return { items: result.items.map(toDomain), nextCursor: result.nextCursor };
  }

  async update(tenantId: TenantId, id: string, patch: CustomerPatch): Promise<Customer | null> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [key, column] of Object.entries(PATCH_COLUMNS)) {
      const value = patch[key as keyof CustomerPatch];
      if (value === undefined) continue;
      params.push(key === 'billingAddress' && value !== null ? JSON.stringify(value) : value);
      sets.push(`${column} = $${params.length + 1}`);
    }
    if (!sets.length) return this.find(tenantId, id);
    const rows = await tenantQuery<CustomerRecord & { cursor_at: string }>(
      this.t.tx,
      tenantId,
      `UPDATE customers SET ${sets.join(', ')} WHERE tenant_id = $1 AND id = $2 RETURNING ${COLS}`,
      params,
    );
    return rows[0] ? toDomain(rows[0]) : null;
  }

  async delete(tenantId: TenantId, id: string): Promise<boolean> {
    const rows = await tenantQuery(
      this.t.tx,
      tenantId,
      `DELETE FROM customers WHERE tenant_id = $1 AND id = $2 RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  async resolveForIngest(tenantId: TenantId, ids: string[], externalIds: string[]) {
    const rows = await tenantQuery<{
      id: string;
      external_id: string | null;
      open_period_start: Date | null;
      first_subscription_start: Date | null;
    }>(
      this.t.tx,
      tenantId,
      `SELECT c.id, c.external_id,
              (SELECT min(s.current_period_start) FROM subscriptions s
                WHERE s.tenant_id = $1 AND s.customer_id = c.id AND NOT s.closed) AS open_period_start,
              (SELECT min(s.started_at) FROM subscriptions s
                WHERE s.tenant_id = $1 AND s.customer_id = c.id) AS first_subscription_start
         FROM customers c
        WHERE c.tenant_id = $1 AND (c.id = ANY($2::uuid[]) OR c.external_id = ANY($3::text[]))`,
      [ids, externalIds],
    );
    return rows.map((r) => ({
      id: r.id,
      externalId: r.external_id,
      openPeriodStart: r.open_period_start,
      firstSubscriptionStart: r.first_subscription_start,
    }));
  }
}
