import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { Budget } from '../../../shared/contracts/metering';
import { WebhookEvents } from '../../../shared/contracts/webhook-events';
import { asTenantId } from '../../../shared/domain/tenant-id';
import { InvalidError } from '../../../shared/domain/domain-error';
import { Dec, dec } from '../../../shared/domain/money';
import {
  LlmChunk,
  LlmProvider,
  LlmRequest,
  LlmToolCall,
  LlmUsage,
  UpstreamError,
} from '../domain/llm-provider.port';
import { BudgetExhaustedError, RateRule, SpendGuard } from '../domain/limits.port';
import { SettleSpend } from './settle-spend';
import { costInNanos, costOf, toNanos } from '../domain/pricing';
import { estimatePromptTokens, estimateTextTokens, reservePromptTokens } from '../domain/prompt';

export interface CallOutcome {
  status: 'completed' | 'failed' | 'aborted';
  content: string;
  toolCalls: LlmToolCall[];
  finishReason: string;
  /** The provider's usage, or an estimate when it never arrived (abort, broken stream). */
  usage: LlmUsage;
  promptCost: Dec;
  completionCost: Dec;
  /** Set when status is failed. */
  error?: Error;
  /** The provider's response object (non-streaming calls). */
  raw?: Record<string, unknown>;
  /** `raw` as the JSON text the provider sent, when the provider kept it. */
  rawJson?: string;
  /** The lease the call was admitted and reserved from, if it was (see Reservation.leaseId). */
  leaseId?: string;
  /**
   * The reservation's settlement, sent as the call ended; never rejects (see SettleSpend). The caller awaits
   * it before answering, together with its usage record, so the two leave for Redis in one write.
   */
  settled: Promise<void>;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** What a call is billed to: the budgets to hold, and the usage record (and its tenant) it ends up in. */
export interface CallBilling {
  budgets: Budget[];
  tenantId: string;
  usageId: string;
  /** This call is the only one its usage record bills (see Reservation.soleCall). */
  soleCall?: boolean;
  /** Rate limits to check and count with the reservation, in the same round trip (see SpendGuard.reserve). */
  admission?: RateRule[];
}

/**
 * One model call with its money around it: reserve the worst case against the budgets, call (retrying
 * connection errors and 5xx with exponential backoff while no token has been received), then settle the
 * reservation to the actual cost — also when the call failed or the client went away (`settled`). Settlement
 * never fails the call (see SettleSpend).
 * Upstream failures are returned as outcomes, not thrown, so the caller can always record usage.
 */
@Injectable()
export class CallModel {
  private readonly logger = new Logger('CallModel');

  constructor(
    private readonly llm: LlmProvider,
    private readonly spend: SpendGuard,
    private readonly settleSpend: SettleSpend,
    private readonly config: AppConfig,
    private readonly events: WebhookEvents,
  ) {}

  async execute(
    request: LlmRequest,
    opts: CallBilling & {
      signal: AbortSignal;
      onChunk?: (chunk: LlmChunk) => void;
      /** The provider to call through (default: LlmProvider). */
      via?: LlmProvider;
    },
  ): Promise<CallOutcome> {
    const price = this.config.chat.models[request.model];
    if (!price) throw new InvalidError('model_not_priced', `Model ${request.model} has no price configured`);
    // Priced only when there is a budget to hold it against (with integers where the price allows, see
    // costInNanos).
    const worstCase = opts.budgets.length
      ? costInNanos(price, reservePromptTokens(request.messages), request.maxTokens)
      : 0;
    const reservation = await this.spend
      .reserve(
        opts.budgets,
        worstCase,
        {
          tenantId: opts.tenantId,
          usageId: opts.usageId,
          expiresAt: Date.now() + this.config.chat.reservationTtlMs,
          soleCall: opts.soleCall,
        },
        opts.admission,
      )
      .catch(async (error: unknown) => {
        await this.announceCapReached(opts.tenantId, error);
        throw error;
      });

    const acc = { content: '', toolCalls: [] as Array<{ id: string; name: string; arguments: string }> };
    let outcome: Omit<CallOutcome, 'promptCost' | 'completionCost' | 'content' | 'toolCalls' | 'settled'>;
    try {
      outcome = await this.callWithRetries(request, opts, acc);
    } catch (error) {
      // Tokens already streamed were consumed (prompt included); a call that failed before any is free.
      const produced = acc.content.length > 0 || acc.toolCalls.length > 0;
      const usage =
        opts.signal.aborted || produced
          ? this.estimate(request, acc)
          : { promptTokens: 0, completionTokens: 0 };
      outcome = {
        status: opts.signal.aborted ? 'aborted' : 'failed',
        finishReason: opts.signal.aborted ? 'aborted' : 'error',
        usage,
        error: error as Error,
      };
    }
    const promptCost = costOf(price, outcome.usage.promptTokens, 0);
    const completionCost = costOf(price, 0, outcome.usage.completionTokens);
    const settled = reservation.budgets.length
      ? this.settleSpend.execute(reservation, toNanos(promptCost.plus(completionCost)))
      : Promise.resolve();
    return {
      ...outcome,
      settled,
      content: acc.content,
      toolCalls: acc.toolCalls
        .filter((c) => c && c.name)
        .map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })),
      promptCost,
      completionCost,
      leaseId: reservation.leaseId,
    };
  }

  /**
   * The first refusal by a spend cap in its period publishes `spend_cap.reached` (the 402 stands either way;
   * a publish that fails is logged, and that period's event is lost).
   */
  private async announceCapReached(tenantId: string, error: unknown): Promise<void> {
    if (!(error instanceof BudgetExhaustedError) || error.budget.reason !== 'spend_cap_exceeded') return;
    const { key, limit, currency, customerId, apiKeyId } = error.budget;
    try {
      if (!(await this.spend.firstRefusal(error.budget))) return;
      await this.events.publish(asTenantId(tenantId), 'spend_cap.reached', {
        budgetKey: key,
        limit,
        currency,
        customerId: customerId ?? null,
        apiKeyId: apiKeyId ?? null,
      });
    } catch (err) {
      this.logger.warn({ msg: 'spend_cap.reached not published', err });
    }
  }

  private estimate(
    request: LlmRequest,
    acc: { content: string; toolCalls: Array<{ arguments: string }> },
  ): LlmUsage {
    const generated = acc.content + acc.toolCalls.map((c) => c?.arguments ?? '').join('');
    return {
      promptTokens: estimatePromptTokens(request.messages),
      completionTokens: estimateTextTokens(generated),
    };
  }

  private async callWithRetries(
    request: LlmRequest,
    opts: { signal: AbortSignal; onChunk?: (chunk: LlmChunk) => void; via?: LlmProvider },
    acc: { content: string; toolCalls: Array<{ id: string; name: string; arguments: string }> },
  ): Promise<Omit<CallOutcome, 'promptCost' | 'completionCost' | 'content' | 'toolCalls' | 'settled'>> {
    const { upstreamMaxRetries, retryBaseMs } = this.config.chat;
    const llm = opts.via ?? this.llm;
    for (let attempt = 0; ; attempt++) {
      try {
        if (!opts.onChunk) {
          const res = await llm.complete(request, opts.signal);
          acc.content = res.content ?? '';
          acc.toolCalls = res.toolCalls.map((c) => ({
            id: c.id,
            name: c.function.name,
            arguments: c.function.arguments,
          }));
          return {
            status: 'completed',
            finishReason: res.finishReason,
            usage: res.usage ?? this.estimate(request, acc),
            raw: res.raw,
            rawJson: res.rawJson,
          };
        }
        const onChunk = opts.onChunk;
        let usage: LlmUsage | undefined;
        let finishReason = 'stop';
        await llm.stream(request, opts.signal, (chunk) => {
          if (chunk.content) acc.content += chunk.content;
          for (const d of chunk.toolCalls ?? []) {
            const call = (acc.toolCalls[d.index] ??= { id: '', name: '', arguments: '' });
            if (d.id) call.id = d.id;
            if (d.name) call.name += d.name;
            if (d.arguments) call.arguments += d.arguments;
          }
          if (chunk.finishReason) finishReason = chunk.finishReason;
          if (chunk.usage) usage = chunk.usage;
          onChunk(chunk);
        });
        return { status: 'completed', finishReason, usage: usage ?? this.estimate(request, acc) };
      } catch (error) {
        const retry = error instanceof UpstreamError && error.retryable && attempt < upstreamMaxRetries;
        if (!retry || opts.signal.aborted) throw error;
        const backoff = retryBaseMs * 2 ** attempt * (0.5 + Math.random() / 2);
        await sleep(backoff, opts.signal);
        if (opts.signal.aborted) throw error;
      }
    }
  }
}

export const sumCost = (outcomes: CallOutcome[]): { prompt: Dec; completion: Dec } => ({
  prompt: outcomes.reduce((s, o) => s.plus(o.promptCost), dec(0)),
  completion: outcomes.reduce((s, o) => s.plus(o.completionCost), dec(0)),
});
