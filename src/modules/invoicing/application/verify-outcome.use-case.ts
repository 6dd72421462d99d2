import { Injectable } from '@nestjs/common';
import { BillingForInvoicing } from '../../../shared/contracts/billing-for-invoicing';
import { WebhookEvents } from '../../../shared/contracts/webhook-events';
import { Clock } from '../../../shared/domain/clock.port';
import { DomainError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { nextVerificationStep, VerificationRuleRepository } from '../domain/verification-rule';
import { OutcomeVerifier } from '../domain/outcome-verifier.port';

/** Thrown so the queue retries with backoff (unreachable verification webhook, outcome not committed yet). */
export class VerificationRetryError extends DomainError {
  constructor(message: string) {
    super('upstream_failed', 'outcome_verification_retry', message);
  }
}

export type VerifyOutcomeResult =
  | { status: 'verified' | 'rejected' | 'unchanged' }
  /** Dispute window still open: ask again in `delayMs` (measured on the Clock, so tests can move time). */
  | { status: 'waiting'; delayMs: number };

/** Applies the tenant's rule for the outcome's type; only `pending` outcomes change. */
@Injectable()
export class VerifyOutcome {
  constructor(
    private readonly billing: BillingForInvoicing,
    private readonly rules: VerificationRuleRepository,
    private readonly verifier: OutcomeVerifier,
    private readonly events: WebhookEvents,
    private readonly clock: Clock,
  ) {}

  async execute(tenantId: TenantId, outcomeId: string): Promise<VerifyOutcomeResult> {
    const outcome = await this.billing.findOutcome(tenantId, outcomeId);
    if (!outcome) throw new VerificationRetryError(`outcome ${outcomeId} not found (yet)`);
    if (outcome.status !== 'pending') return { status: 'unchanged' };

    const now = this.clock.now();
    const step = nextVerificationStep(await this.rules.find(tenantId, outcome.type), outcome, now);
    let decision: { status: 'verified' | 'rejected'; reason: string };
    if (step.kind === 'wait_until') return { status: 'waiting', delayMs: step.at.getTime() - now.getTime() };
    if (step.kind === 'ask_webhook') {
      const verdict = await this.verifier.ask(step.url, step.secret, outcome);
      if (!verdict.ok) throw new VerificationRetryError(verdict.error);
      decision = {
        status: verdict.status,
        reason: verdict.reason ?? 'decided by the tenant verification webhook',
      };
    } else decision = step;

    await this.billing.markOutcome(tenantId, outcomeId, decision);
    await this.events.publish(
      tenantId,
      decision.status === 'verified' ? 'outcome.verified' : 'outcome.rejected',
      {
        outcomeId,
        agentId: outcome.agentId,
        customerId: outcome.customerId,
        type: outcome.type,
        value: outcome.value,
        currency: outcome.currency,
        reason: decision.reason,
      },
    );
    return { status: decision.status };
  }
}
