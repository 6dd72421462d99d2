import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { Budget, BudgetSource, SpendScope } from '../../../shared/contracts/metering';
import { Principal } from '../../../shared/context/principal';
import { RateLimitedError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { Dec } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Clock } from '../../../shared/domain/clock.port';
import { RateLimiter, RateRule } from '../domain/limits.port';
import { UsageBuffer, UsageRecord } from '../domain/usage-record';

/** Who pays and who is limited for one chat request. */
export interface ChatCaller {
  tenantId: TenantId;
  principal: Principal;
  /** The tenant's customer billed for the call (external id from the request), if any. */
  customer?: { id?: string; externalId?: string };
}

const subjectOf = (p: Principal): string =>
  p.kind === 'api_key' ? `key:${p.id}` : p.kind === 'user' ? `user:${p.id}` : `sa:${p.id}`;

/**
 * The gate around every chat request: RPM/TPM limits before anything goes upstream, the budgets to
 * reserve against, and the usage record handed to the durable buffer afterwards.
 */
@Injectable()
export class ChatMetering {
  private readonly logger = new Logger(ChatMetering.name);

  constructor(
    private readonly limiter: RateLimiter,
    private readonly budgets: BudgetSource,
    private readonly buffer: UsageBuffer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private tpmKeys(caller: ChatCaller): string[] {
    return [`tpm:${caller.tenantId}:${subjectOf(caller.principal)}`, `tpm:${caller.tenantId}`];
  }

  /** 429 (with Retry-After) when any limit of the caller or its tenant is reached; counts this request. */
  async admit(caller: ChatCaller, estimatedTokens: number): Promise<void> {
    const l = this.config.chat.limits;
    const subject = subjectOf(caller.principal);
    const [tpmSubject, tpmTenant] = this.tpmKeys(caller);
    const rules: RateRule[] = [
      {
        label: 'requests per minute for this API key or user',
        key: `rpm:${caller.tenantId}:${subject}`,
        limit: l.rpmPerKey,
        cost: 1,
      },
      {
        label: 'requests per minute for this organization',
        key: `rpm:${caller.tenantId}`,
        limit: l.rpmPerTenant,
        cost: 1,
      },
      {
        label: 'tokens per minute for this API key or user',
        key: tpmSubject,
        limit: l.tpmPerKey,
        cost: estimatedTokens,
      },
      {
        label: 'tokens per minute for this organization',
        key: tpmTenant,
        limit: l.tpmPerTenant,
        cost: estimatedTokens,
      },
    ];
    const decision = await this.limiter.admit(rules);
    if (!decision.allowed)
      throw new RateLimitedError(
        `Rate limit reached: ${decision.rule.limit} ${decision.rule.label}`,
        Math.ceil(decision.retryAfterMs / 1000),
      );
  }

  /** Brings the TPM counters from the admitted estimate to the tokens actually used. */
  async settleTokens(caller: ChatCaller, estimatedTokens: number, actualTokens: number): Promise<void> {
    const delta = actualTokens - estimatedTokens;
    if (delta === 0) return;
    await this.limiter
      .add(this.tpmKeys(caller).map((key) => ({ key, amount: delta })))
      .catch((err: unknown) => this.logger.warn({ err }, 'TPM adjustment failed'));
  }

  budgetsFor(caller: ChatCaller): Promise<Budget[]> {
    const scope: SpendScope = {
      tenantId: caller.tenantId,
      ...(caller.principal.kind === 'api_key' ? { apiKeyId: caller.principal.id } : {}),
      ...(caller.customer ? { customer: caller.customer } : {}),
    };
    return this.budgets.budgetsFor(scope);
  }

  /**
   * Hands the record to the durable buffer (a Redis stream; the usage worker stores it and forwards it to
   * Billing) and returns its id at once. The response does not wait for Redis's acknowledgement: waiting
   * would not make the record any safer (a process that dies before the acknowledgement loses it either
   * way) and it would add a Redis round trip to the end of every response.
   */
  record(
    caller: ChatCaller,
    call: Omit<
      UsageRecord,
      | 'id'
      | 'tenantId'
      | 'apiKeyId'
      | 'userId'
      | 'customer'
      | 'currency'
      | 'occurredAt'
      | 'cost'
      | 'promptCost'
      | 'completionCost'
    > & {
      promptCost: Dec;
      completionCost: Dec;
    },
  ): string {
    const { principal } = caller;
    const record: UsageRecord = {
      ...call,
      id: newId(),
      tenantId: caller.tenantId,
      apiKeyId: principal.kind === 'api_key' ? principal.id : null,
      userId: principal.kind === 'user' ? principal.id : null,
      customer: caller.customer ?? null,
      cost: call.promptCost.plus(call.completionCost).toFixed(),
      promptCost: call.promptCost.toFixed(),
      completionCost: call.completionCost.toFixed(),
      currency: this.config.chat.currency,
      occurredAt: this.clock.now().toISOString(),
    };
    this.buffer.append(record).catch((err: unknown) => {
      // Redis is down: nothing durable to hand it to. Log the record so it can be replayed.
      this.logger.error({ err, usage: record }, 'usage record could not be buffered');
    });
    return record.id;
  }
}
