import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TenantId } from '../../../shared/domain/tenant-id';
import { newId } from '../../../shared/domain/ids';
import { CreditRepository, LedgerEntry } from '../domain/credit.repository.port';
import { GrantRemaining } from '../domain/credits';
import { num } from './numeric';
import { tenantQuery } from '../../../shared/persistence/tenant-sql';

interface LedgerEntryRecord {
  id: LedgerEntry['id'];
  kind: LedgerEntry['kind'];
  amount: string;
  grant_id: LedgerEntry['grantId'];
  expires_at: LedgerEntry['expiresAt'];
  reference: LedgerEntry['reference'];
  description: LedgerEntry['description'];
  created_at: LedgerEntry['createdAt'];
}

const entryToDomain = (r: LedgerEntryRecord): LedgerEntry => ({
  id: r.id,
  kind: r.kind,
  amount: num(r.amount) as string,
  grantId: r.grant_id,
  expiresAt: r.expires_at,
  reference: r.reference,
  description: r.description,
  createdAt: r.created_at,
});

@Injectable()
export class TypeOrmCreditRepository extends CreditRepository {
  constructor(private readonly t: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async ensureWallet(tenantId: TenantId, customerId: string, currency: string) {
    await tenantQuery(
      this.t.tx,
      tenantId,
      `INSERT INTO credit_wallets (id, tenant_id, customer_id, currency) VALUES ($2,$1,$3,$4)
       ON CONFLICT (tenant_id, customer_id) DO NOTHING`,
      [newId(), customerId, currency],
    );
    const [w] = await tenantQuery<{ id: string; currency: string }>(
      this.t.tx,
      tenantId,
      `SELECT id, currency FROM credit_wallets WHERE tenant_id = $1 AND customer_id = $2`,
      [customerId],
    );
    return { id: w.id, currency: w.currency };
  }

  async lockWallet(tenantId: TenantId, customerId: string) {
    const rows = await tenantQuery<{ id: string; currency: string }>(
      this.t.tx,
      tenantId,
      `SELECT id, currency FROM credit_wallets WHERE tenant_id = $1 AND customer_id = $2 FOR UPDATE`,
      [customerId],
    );
    return rows[0] ? { id: rows[0].id, currency: rows[0].currency } : null;
  }

  async insertGrant(tenantId: TenantId, walletId: string, e: LedgerEntry): Promise<boolean> {
    const rows = await tenantQuery(
      this.t.tx,
      tenantId,
      `INSERT INTO credit_ledger (id, tenant_id, wallet_id, kind, amount, expires_at, reference, description)
       VALUES ($2,$1,$3,$4,$5,$6,$7,$8)
       ON CONFLICT (tenant_id, reference) WHERE kind <> 'debit' AND reference IS NOT NULL DO NOTHING RETURNING id`,
      [e.id, walletId, e.kind, e.amount, e.expiresAt, e.reference, e.description],
    );
    return rows.length > 0;
  }

  async insertDebits(tenantId: TenantId, walletId: string, entries: LedgerEntry[]): Promise<void> {
    for (const e of entries) {
      await tenantQuery(
        this.t.tx,
        tenantId,
        `INSERT INTO credit_ledger (id, tenant_id, wallet_id, kind, amount, grant_id, reference, description)
         VALUES ($2,$1,$3,'debit',$4,$5,$6,$7)`,
        [e.id, walletId, e.amount, e.grantId, e.reference, e.description],
      );
    }
  }

  async grantsRemaining(tenantId: TenantId, walletId: string): Promise<GrantRemaining[]> {
    const rows = await tenantQuery<{
      id: string;
      expires_at: Date | null;
      created_at: Date;
      remaining: string;
    }>(
      this.t.tx,
      tenantId,
      `SELECT g.id, g.expires_at, g.created_at, g.amount + coalesce(sum(d.amount), 0) AS remaining
         FROM credit_ledger g LEFT JOIN credit_ledger d ON d.grant_id = g.id
        WHERE g.tenant_id = $1 AND g.wallet_id = $2 AND g.kind <> 'debit'
        GROUP BY g.id`,
      [walletId],
    );
    return rows.map((r) => ({
      id: r.id,
      remaining: num(r.remaining) as string,
      expiresAt: r.expires_at,
      createdAt: r.created_at,
    }));
  }

  async balance(tenantId: TenantId, customerId: string, at: Date): Promise<string> {
    const [row] = await tenantQuery<{ balance: string }>(
      this.t.tx,
      tenantId,
      `SELECT coalesce(sum(greatest(g.amount + coalesce(d.spent, 0), 0)), 0) AS balance
         FROM credit_wallets w
         JOIN credit_ledger g ON g.tenant_id = $1 AND g.wallet_id = w.id AND g.kind <> 'debit'
         LEFT JOIN LATERAL (SELECT sum(amount) AS spent FROM credit_ledger WHERE tenant_id = $1 AND grant_id = g.id) d ON true
        WHERE w.tenant_id = $1 AND w.customer_id = $2 AND (g.expires_at IS NULL OR g.expires_at > $3)`,
      [customerId, at],
    );
    return num(row.balance) ?? '0';
  }

  async ledger(tenantId: TenantId, customerId: string, limit: number): Promise<LedgerEntry[]> {
    const rows = await tenantQuery<LedgerEntryRecord>(
      this.t.tx,
      tenantId,
      `SELECT l.* FROM credit_ledger l JOIN credit_wallets w ON w.tenant_id = $1 AND w.id = l.wallet_id
        WHERE l.tenant_id = $1 AND w.customer_id = $2 ORDER BY l.created_at DESC, l.id LIMIT $3`,
      [customerId, limit],
    );
    return rows.map(entryToDomain);
  }
}
