import { TenantId } from '../../../shared/domain/tenant-id';
import { RecordedOutcome } from '../../../shared/contracts/billing-for-invoicing';

export interface AgentCost {
  id: string;
  tenantId: TenantId;
  agentId: string;
  customerId: string | null;
  externalId: string | null;
  costType: string;
  amount: string;
  currency: string;
  occurredAt: Date;
  metadata: Record<string, unknown>;
  createdAt: Date;
}

export interface Outcome extends RecordedOutcome {
  externalId: string | null;
  occurredAt: Date;
  verifiedAt: Date | null;
  statusReason: string | null;
}

export interface AgentStats {
  costs: { currency: string; amount: string }[];
  outcomes: { status: string; count: number; currency: string; value: string }[];
  revenue: { currency: string; amount: string }[];
}

export abstract class AgentRecordRepository {
  /** Returns the stored row: the existing one when externalId repeats (idempotent retry). */
  abstract insertCost(cost: AgentCost): Promise<AgentCost>;
  abstract insertOutcome(outcome: Outcome): Promise<{ outcome: Outcome; created: boolean }>;
  abstract findOutcome(tenantId: TenantId, id: string): Promise<Outcome | null>;
  abstract markOutcome(
    tenantId: TenantId,
    id: string,
    status: 'verified' | 'rejected',
    reason: string | null,
    at: Date,
  ): Promise<void>;
  /** Verified outcomes of the customer not invoiced yet, verified before `before`, in `currency`. */
  abstract billableOutcomes(
    tenantId: TenantId,
    customerId: string,
    types: string[],
    currency: string,
    before: Date,
  ): Promise<Outcome[]>;
  abstract markOutcomesBilled(
    tenantId: TenantId,
    invoiceId: string,
    fees: { id: string; amount: string }[],
  ): Promise<void>;
  /** Recorded costs attributed to the customer in a period, in `currency` (cost_plus pricing). */
  abstract costTotal(
    tenantId: TenantId,
    customerId: string,
    currency: string,
    period: { start: Date; end: Date },
    costType?: string,
  ): Promise<string>;
  abstract stats(tenantId: TenantId, agentId: string): Promise<AgentStats>;
}
