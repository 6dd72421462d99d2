import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { Budget, BudgetSource, SpendScope } from '../../../shared/contracts/metering';
import { Principal } from '../../../shared/context/principal';
import { Dec } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Clock } from '../../../shared/domain/clock.port';
import { RateLimiter, RateLimitExceededError, RateRule } from '../domain/limits.port';
import { CounterAdjustment, UsageBuffer, UsageRecord, UsageSpool } from '../domain/usage-record';
import { StoreUsageRecords } from './store-usage-records.use-case';

/** Who pays and who is limited for one chat request. */
export interface ChatCaller {
  tenantId: TenantId;
  principal: Principal;
  /** The tenant's customer billed for the call (external id from the request), if any. */
  customer?: { id?: string; externalId?: string };
}

/** Prompt tokens estimated (and admitted against TPM) before the call, and prompt + completion used. */
export interface TokenCount {
  estimated: number;
  actual: number;
}

const subjectOf = (p: Principal): string =>
  p.kind === 'api_key' ? `key:${p.id}` : p.kind === 'user' ? `user:${p.id}` : `sa:${p.id}`;

/**
 * The gate around every chat request: RPM/TPM limits before anything goes upstream, the budgets to
 * reserve against, and the usage record made durable afterwards.
 */
@Injectable()
export class ChatMetering {
  private readonly logger = new Logger(ChatMetering.name);

  constructor(
    private readonly limiter: RateLimiter,
    private readonly budgets: BudgetSource,
    private readonly buffer: UsageBuffer,
    private readonly storeUsage: StoreUsageRecords,
    private readonly spool: UsageSpool,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private tpmKeys(caller: ChatCaller): string[] {
    return [`tpm:${caller.tenantId}:${subjectOf(caller.principal)}`, `tpm:${caller.tenantId}`];
  }

  /**
   * The RPM/TPM limits of the caller and its tenant for one request of `estimatedTokens` prompt tokens, to
   * check and count before anything goes upstream: here (admit) or with the call's spend reservation
   * (SpendGuard.reserve), which saves a round trip.
   */
  rateRules(caller: ChatCaller, estimatedTokens: number): RateRule[] {
    const l = this.config.chat.limits;
    const subject = subjectOf(caller.principal);
    const [tpmSubject, tpmTenant] = this.tpmKeys(caller);
    return [
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
  }

  /** 429 (with Retry-After) when any limit of the caller or its tenant is reached; counts this request. */
  async admit(caller: ChatCaller, estimatedTokens: number): Promise<void> {
    const decision = await this.limiter.admit(this.rateRules(caller, estimatedTokens));
    if (!decision.allowed) throw new RateLimitExceededError(decision.rule, decision.retryAfterMs);
  }

  /** The TPM counters' move from the admitted estimate to the tokens actually used (none when equal). */
  private tokenCorrection(caller: ChatCaller, tokens: TokenCount): CounterAdjustment[] {
    const delta = tokens.actual - tokens.estimated;
    return delta === 0 ? [] : this.tpmKeys(caller).map((key) => ({ key, amount: delta }));
  }

  /** Brings the TPM counters from the admitted estimate to the tokens actually used; never fails. */
  private async settleTokens(counters: CounterAdjustment[]): Promise<void> {
    if (!counters.length) return;
    await this.limiter
      .add(counters)
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
   * Makes the call's usage record durable before the response ends, whichever single store is down: the
   * buffer (a Redis stream the usage worker drains into llm_usage and Billing) first; if Redis fails, the
   * store itself (Postgres, the same idempotent id, so a record that reached both counts once); if both
   * fail, the local spool (fsynced), replayed when a store answers again. Each step is bounded by its
   * store's timeout (REDIS_COMMAND_TIMEOUT_MS, DATABASE_STATEMENT_TIMEOUT_MS). Returns the record id.
   * `tokens` corrects the TPM counters from the admitted estimate to the tokens used, in the same Redis
   * command as the record (on its own, best effort, when the buffer is down).
   */
  async record(
    caller: ChatCaller,
    call: Omit<
      UsageRecord,
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
    tokens: TokenCount,
  ): Promise<string> {
    const { principal } = caller;
    const record: UsageRecord = {
      ...call,
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
    const counters = this.tokenCorrection(caller, tokens);
    try {
      await this.buffer.append(record, counters);
      return record.id;
    } catch (err) {
      this.logger.warn({ err, usageId: record.id }, 'usage buffer unavailable; storing the record directly');
    }
    void this.settleTokens(counters);
    try {
      await this.storeUsage.execute([record]);
      return record.id;
    } catch (err) {
      this.logger.error({ err, usageId: record.id }, 'usage store unavailable; spooling the record');
    }
    // The provider did the work either way: a full disk must not turn the answer into an error. The log
    // line carries the whole record, the last place it can be recovered from.
    await this.spool
      .append(record)
      .catch((err: unknown) => this.logger.error({ err, usage: record }, 'usage record could not be saved'));
    return record.id;
  }
}
