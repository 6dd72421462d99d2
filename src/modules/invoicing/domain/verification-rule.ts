import { RecordedOutcome } from '../../../shared/contracts/billing-for-invoicing';
import { dec } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';

/**
 * A tenant's rule for one outcome type, applied in this order:
 * 1. evidence fields listed in `requiredEvidence` missing -> rejected;
 * 2. value below `autoAcceptBelow` -> verified;
 * 3. `webhookUrl` set -> the tenant's endpoint decides (signed call, its verdict is final);
 * 4. `disputeWindowHours` set -> verified once the window has passed without a rejection;
 * 5. otherwise rejected (the rule allows nothing else). Without any rule for the type, outcomes are verified.
 */
export interface VerificationRule {
  id: string;
  tenantId: TenantId;
  outcomeType: string;
  autoAcceptBelow: string | null;
  requiredEvidence: string[];
  webhookUrl: string | null;
  webhookSecret: string | null;
  disputeWindowHours: number | null;
}

export type VerificationStep =
  | { kind: 'decided'; status: 'verified' | 'rejected'; reason: string }
  | { kind: 'ask_webhook'; url: string; secret: string }
  | { kind: 'wait_until'; at: Date };

export function nextVerificationStep(
  rule: VerificationRule | null,
  outcome: RecordedOutcome,
  now: Date,
): VerificationStep {
  if (!rule)
    return { kind: 'decided', status: 'verified', reason: 'no verification rule for this outcome type' };
  const missing = rule.requiredEvidence.filter((f) => {
    const v = outcome.evidence?.[f];
    return v === undefined || v === null || v === '';
  });
  if (missing.length)
    return { kind: 'decided', status: 'rejected', reason: `missing evidence: ${missing.join(', ')}` };
  if (rule.autoAcceptBelow !== null && dec(outcome.value).lt(rule.autoAcceptBelow))
    return {
      kind: 'decided',
      status: 'verified',
      reason: `value below auto-accept threshold ${rule.autoAcceptBelow}`,
    };
  if (rule.webhookUrl) return { kind: 'ask_webhook', url: rule.webhookUrl, secret: rule.webhookSecret ?? '' };
  if (rule.disputeWindowHours !== null) {
    const at = new Date(outcome.createdAt.getTime() + rule.disputeWindowHours * 3600_000);
    if (at <= now)
      return { kind: 'decided', status: 'verified', reason: 'dispute window passed without dispute' };
    return { kind: 'wait_until', at };
  }
  return { kind: 'decided', status: 'rejected', reason: 'value above the auto-accept threshold' };
}

export abstract class VerificationRuleRepository {
  abstract upsert(rule: VerificationRule): Promise<VerificationRule>;
  abstract find(tenantId: TenantId, outcomeType: string): Promise<VerificationRule | null>;
  abstract list(tenantId: TenantId): Promise<VerificationRule[]>;
  abstract delete(tenantId: TenantId, outcomeType: string): Promise<boolean>;
}
