import { Injectable } from '@nestjs/common';
import { AgentDirectory } from '../../../shared/contracts/agents';
import { VerifyOutcomeJob } from '../../../shared/contracts/billing-for-invoicing';
import { Clock } from '../../../shared/domain/clock.port';
import { DomainError, InvalidError, NotFoundError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { dec } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { JobQueue } from '../../../shared/queue/job-queue.port';
import { QUEUES } from '../../../shared/queue/queue-names';
import { AgentCost, AgentRecordRepository, AgentStats, Outcome } from '../domain/agent-records';
import { CustomerRepository } from '../domain/customer';
import { MetricRepository, UsageRepository } from '../domain/metering';
import { IngestUsageEvents } from './ingest-usage-events.use-case';

export interface CustomerRef {
  customerId?: string;
  externalCustomerId?: string;
}

/** 404 for agents or customers that do not exist in this tenant. */
@Injectable()
export class AgentRecordGuards {
  constructor(
    private readonly agents: AgentDirectory,
    private readonly customers: CustomerRepository,
  ) {}

  async agent(tenantId: TenantId, agentId: string): Promise<void> {
    if (!(await this.agents.find(tenantId, agentId))) throw new NotFoundError('Agent', agentId);
  }

  async customerId(tenantId: TenantId, ref: CustomerRef): Promise<string | null> {
    if (!ref.customerId && !ref.externalCustomerId) return null;
    const c = await this.customers.findByRef(tenantId, {
      id: ref.customerId,
      externalId: ref.externalCustomerId,
    });
    if (!c) throw new NotFoundError('Customer', ref.customerId ?? ref.externalCustomerId);
    return c.id;
  }
}

/** An activity is a usage event on the metric named by its type (created as sum of `quantity` if missing). */
@Injectable()
export class RecordAgentActivity {
  constructor(
    private readonly guards: AgentRecordGuards,
    private readonly metrics: MetricRepository,
    private readonly ingest: IngestUsageEvents,
    private readonly clock: Clock,
  ) {}

  async execute(
    tenantId: TenantId,
    agentId: string,
    input: CustomerRef & {
      type: string;
      quantity: string;
      timestamp?: Date;
      eventId?: string;
      properties?: Record<string, string | number | boolean | null>;
    },
  ): Promise<{ eventId: string; duplicate: boolean; late: boolean }> {
    await this.guards.agent(tenantId, agentId);
    const customerId = await this.guards.customerId(tenantId, input);
    await this.metrics.ensure({
      id: newId(),
      tenantId,
      code: input.type,
      name: `Agent activity: ${input.type}`,
      aggregation: 'sum',
      field: 'quantity',
      filters: {},
      allowsCorrections: false,
      createdAt: this.clock.now(),
    });
    const eventId = input.eventId ?? newId();
    const result = await this.ingest.ingestParsed(
      tenantId,
      [
        {
          index: 0,
          eventId,
          metricCode: input.type,
          customerId: customerId ?? undefined,
          agentId,
          timestamp: input.timestamp ?? this.clock.now(),
          properties: { ...input.properties, quantity: input.quantity },
        },
      ],
      [],
      true,
    );
    if (result.rejected) throw new InvalidError(result.rejections[0].reason, result.rejections[0].message);
    return { eventId, duplicate: result.duplicates > 0, late: result.late > 0 };
  }
}

@Injectable()
export class RecordAgentCost {
  constructor(
    private readonly guards: AgentRecordGuards,
    private readonly records: AgentRecordRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    tenantId: TenantId,
    agentId: string,
    input: CustomerRef & {
      costType: string;
      amount: string;
      currency: string;
      occurredAt?: Date;
      externalId?: string;
      metadata?: Record<string, unknown>;
    },
  ): Promise<AgentCost> {
    await this.guards.agent(tenantId, agentId);
    const customerId = await this.guards.customerId(tenantId, input);
    const now = this.clock.now();
    return this.records.insertCost({
      id: newId(),
      tenantId,
      agentId,
      customerId,
      externalId: input.externalId ?? null,
      costType: input.costType,
      amount: dec(input.amount).toString(),
      currency: input.currency.toUpperCase(),
      occurredAt: input.occurredAt ?? now,
      metadata: input.metadata ?? {},
      createdAt: now,
    });
  }
}

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

export interface AgentStatsView extends AgentStats {
  agentId: string;
  activities: { events: number; quantity: string };
  margin: { currency: string; amount: string }[];
}

@Injectable()
export class GetAgentStats {
  constructor(
    private readonly guards: AgentRecordGuards,
    private readonly records: AgentRecordRepository,
    private readonly usage: UsageRepository,
  ) {}

  async execute(tenantId: TenantId, agentId: string): Promise<AgentStatsView> {
    await this.guards.agent(tenantId, agentId);
    const [stats, activities] = await Promise.all([
      this.records.stats(tenantId, agentId),
      this.usage.agentActivity(tenantId, agentId),
    ]);
    const currencies = new Set([
      ...stats.costs.map((c) => c.currency),
      ...stats.revenue.map((r) => r.currency),
    ]);
    const margin = [...currencies].sort().map((currency) => {
      const revenue = stats.revenue.find((r) => r.currency === currency)?.amount ?? '0';
      const cost = stats.costs.find((c) => c.currency === currency)?.amount ?? '0';
      return { currency, amount: dec(revenue).minus(cost).toString() };
    });
    return { agentId, activities, ...stats, margin };
  }
}
