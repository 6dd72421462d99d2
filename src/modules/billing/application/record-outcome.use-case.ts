import { Injectable } from '@nestjs/common';
import { VerifyOutcomeJob } from '../../../shared/contracts/billing-for-invoicing';
import { Clock } from '../../../shared/domain/clock.port';
import { DomainError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { dec } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { JobQueue } from '../../../shared/queue/job-queue.port';
import { QUEUES } from '../../../shared/queue/queue-names';
import { AgentRecordRepository, Outcome } from '../domain/agent-records';
import { CustomerRef, AgentRecordGuards } from './agent-record-guards';

/** Outcomes start pending; the verification worker (Invoicing) decides, keyed by the outcome id. */
@Injectable()
export class RecordOutcome {
  constructor(
    private readonly guards: AgentRecordGuards,
    private readonly records: AgentRecordRepository,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
  ) {}

  async execute(
    tenantId: TenantId,
    agentId: string,
    input: CustomerRef & {
      type: string;
      value: string;
      currency: string;
      evidence?: Record<string, unknown>;
      occurredAt?: Date;
      externalId?: string;
    },
  ): Promise<{ outcome: Outcome; created: boolean }> {
    await this.guards.agent(tenantId, agentId);
    const customerId = await this.guards.customerId(tenantId, input);
    const now = this.clock.now();
    const result = await this.records.insertOutcome({
      id: newId(),
      tenantId,
      agentId,
      customerId,
      externalId: input.externalId ?? null,
      type: input.type,
      value: dec(input.value).toString(),
      currency: input.currency.toUpperCase(),
      evidence: input.evidence ?? {},
      status: 'pending',
      statusReason: null,
      verifiedAt: null,
      occurredAt: input.occurredAt ?? now,
      createdAt: now,
    });
    if (result.outcome.agentId !== agentId)
      throw new DomainError(
        'conflict',
        'outcome_external_id_taken',
        'externalId is used by an outcome of another agent',
      );
    // Enqueued on every (re)try: the job id makes it once-only, and a retry repairs a failed enqueue.
    if (result.outcome.status === 'pending') {
      const job: VerifyOutcomeJob = { tenantId, outcomeId: result.outcome.id };
      await this.jobs.add(QUEUES.outcomeVerification, {
        name: 'verify-outcome',
        data: job,
        opts: { jobId: result.outcome.id, attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
      });
    }
    return result;
  }
}
