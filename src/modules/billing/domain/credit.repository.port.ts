import { TenantId } from '../../../shared/domain/tenant-id';
import { GrantRemaining } from './credits';

export interface LedgerEntry {
  id: string;
  kind: 'paid_grant' | 'free_grant' | 'debit';
  amount: string;
  grantId: string | null;
  expiresAt: Date | null;
  reference: string | null;
  description: string;
  createdAt: Date;
}

export abstract class CreditRepository {
  /** Creates the wallet if missing; returns its id and currency. */
  abstract ensureWallet(
    tenantId: TenantId,
    customerId: string,
    currency: string,
  ): Promise<{ id: string; currency: string }>;
  /** Locks the wallet row for the caller's transaction (serializes debits per customer). Null = no wallet. */
  abstract lockWallet(
    tenantId: TenantId,
    customerId: string,
  ): Promise<{ id: string; currency: string } | null>;
  /** False when a grant with that reference exists already (idempotent grant). */
  abstract insertGrant(tenantId: TenantId, walletId: string, entry: LedgerEntry): Promise<boolean>;
  abstract insertDebits(tenantId: TenantId, walletId: string, entries: LedgerEntry[]): Promise<void>;
  abstract grantsRemaining(tenantId: TenantId, walletId: string): Promise<GrantRemaining[]>;
  abstract balance(tenantId: TenantId, customerId: string, at: Date): Promise<string>;
  abstract ledger(tenantId: TenantId, customerId: string, limit: number): Promise<LedgerEntry[]>;
}
