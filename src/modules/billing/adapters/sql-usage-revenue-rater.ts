import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { RatedUsage, UsageRevenueRater, UsageToRate } from '../../../shared/contracts/usage-revenue';
import { asTenantId } from '../../../shared/domain/tenant-id';
import { isUuid } from '../../../shared/domain/ids';
import { Charge } from '../domain/plan';
import { callRevenue } from '../domain/usage-revenue';
import { tenantQuery } from '../../../shared/persistence/tenant-sql';

interface Billed {
  id: string;
  externalId: string | null;
  /** Charges of the customer's paying subscription (active or past due); none while trialing. */
  charges: Charge[];
  currency: string | null;
}

/** One query per tenant in the batch: the customers it names with their paying subscription's plan version. */
@Injectable()
export class SqlUsageRevenueRater extends UsageRevenueRater {
  constructor(private readonly t: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async rate(items: UsageToRate[]): Promise<Map<string, RatedUsage>> {
    const out = new Map<string, RatedUsage>();
    const byTenant = new Map<string, UsageToRate[]>();
    for (const item of items) {
      if (!item.customer) continue;
      byTenant.set(item.tenantId, [...(byTenant.get(item.tenantId) ?? []), item]);
    }
    for (const [tenantId, batch] of byTenant) {
      const ids = batch.map((i) => i.customer?.id).filter((id): id is string => !!id && isUuid(id));
      const externalIds = batch.map((i) => i.customer?.externalId).filter((id): id is string => !!id);
      const rows = await tenantQuery<{
        id: string;
        external_id: string | null;
        charges: Billed['charges'] | null;
        currency: string | null;
      }>(
        this.t.tx,
        asTenantId(tenantId),
        `SELECT c.id, c.external_id, pv.charges, pv.currency
           FROM customers c
           LEFT JOIN LATERAL (
                SELECT s.plan_version_id FROM subscriptions s
                 WHERE s.tenant_id = $1 AND s.customer_id = c.id AND s.status IN ('active', 'past_due')
                 ORDER BY s.started_at DESC LIMIT 1) s ON true
           LEFT JOIN plan_versions pv ON pv.tenant_id = $1 AND pv.id = s.plan_version_id
          WHERE c.tenant_id = $1 AND (c.id = ANY($2::uuid[]) OR c.external_id = ANY($3::text[]))`,
        [ids, externalIds],
      );
      const billed: Billed[] = rows.map((r) => ({
        id: r.id,
        externalId: r.external_id,
        charges: r.charges ?? [],
        currency: r.currency ? String(r.currency).trim() : null,
      }));
      for (const item of batch) {
        const ref = item.customer!;
        const customer = billed.find((b) => (ref.id ? b.id === ref.id : b.externalId === ref.externalId));
        if (!customer) continue;
        // Revenue in another currency than the call's cost would make margin meaningless: left to the invoice.
        const revenue =
          customer.currency === item.currency ? callRevenue(customer.charges, item).toFixed() : '0';
        out.set(item.id, { customerId: customer.id, revenue });
      }
    }
    return out;
  }
}
