import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { DomainError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { AgentCatalog } from '../../../shared/contracts/agents';
import { LlmChunk, LlmMessage, LlmRequest, PassthroughLlmProvider } from '../domain/llm-provider.port';
import { estimatePromptTokens } from '../domain/prompt';
import { CallModel, CallOutcome } from './call-model';
import { ChatCaller, ChatMetering } from './chat-metering';
import { assertChattable } from './chat-with-agent.use-case';

export const AGENT_MODEL_PREFIX = 'agent:';

/** The OpenAI request fields this gateway understands (validated by the controller's DTO). */
export interface CompletionInput {
  model: string;
  messages: LlmMessage[];
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  tools?: LlmRequest['tools'];
  /** Other OpenAI fields passed through to the provider untouched. */
  passthrough: Record<string, unknown>;
}

export interface CompletionResult {
  outcome: CallOutcome;
  usageId: string;
}

class ModelNotFoundError extends DomainError {
  constructor(model: string) {
    super('not_found', 'model_not_found', `The model ${model} does not exist or is not available to you`);
  }
}

/**
 * The OpenAI-compatible completion: `model` is `agent:<slug>` (the agent's model, instructions and
 * settings apply; the client's own tools pass through) or a priced model id. The client owns the history,
 * so nothing is stored except the usage record. The provider is called through PassthroughLlmProvider, so
 * its answer can be forwarded as it came.
 */
@Injectable()
export class CompleteChat {
  constructor(
    private readonly agents: AgentCatalog,
    private readonly callModel: CallModel,
    private readonly metering: ChatMetering,
    private readonly passthrough: PassthroughLlmProvider,
    private readonly config: AppConfig,
  ) {}

  async execute(
    caller: ChatCaller,
    input: CompletionInput,
    signal: AbortSignal,
    onChunk?: (chunk: LlmChunk) => void,
  ): Promise<CompletionResult> {
    const started = Date.now();
    let request: LlmRequest;
    let agentId: string | null = null;
    const { models, defaultMaxTokens } = this.config.chat;
    if (input.model.startsWith(AGENT_MODEL_PREFIX)) {
      const slug = input.model.slice(AGENT_MODEL_PREFIX.length);
      const agent = assertChattable(await this.agents.bySlug(caller.tenantId, slug), input.model);
      agentId = agent.id;
      const spec = models[agent.model];
      if (!spec) throw new ModelNotFoundError(input.model);
      const system: LlmMessage[] = agent.instructions
        ? [{ role: 'system', content: agent.instructions }]
        : [];
      request = {
        provider: agent.provider,
        model: agent.model,
        messages: [...system, ...input.messages],
        maxTokens: Math.min(input.maxTokens ?? agent.maxTokens ?? defaultMaxTokens, spec.maxOutputTokens),
        temperature: input.temperature ?? agent.temperature ?? undefined,
        topP: input.topP ?? agent.topP ?? undefined,
        tools: input.tools,
        passthrough: input.passthrough,
      };
    } else {
      const spec = models[input.model];
      if (!spec) throw new ModelNotFoundError(input.model);
      request = {
        provider: 'default',
        model: input.model,
        messages: input.messages,
        maxTokens: Math.min(input.maxTokens ?? defaultMaxTokens, spec.maxOutputTokens),
        temperature: input.temperature,
        topP: input.topP,
        tools: input.tools,
        passthrough: input.passthrough,
      };
    }

    const estimate = estimatePromptTokens(request.messages);
    // Budgets come from an in-process cache; the rate limits are checked with the reservation, in one Redis
    // round trip.
    const budgets = await this.metering.budgetsFor(caller);
    const usageId = newId();
    const outcome = await this.callModel.execute(request, {
      budgets,
      tenantId: caller.tenantId,
      usageId,
      soleCall: true,
      admission: this.metering.rateRules(caller, estimate),
      signal,
      onChunk,
      via: this.passthrough,
    });
    // The settlement and the usage record in one turn: they leave for Redis in one write (either order is
    // safe: the sweeper reconciles a reservation against the record whichever landed).
    const recorded = this.metering.record(
      caller,
      {
        id: usageId,
        agentId,
        conversationId: null,
        endpoint: 'chat_completions',
        provider: request.provider,
        model: request.model,
        promptTokens: outcome.usage.promptTokens,
        completionTokens: outcome.usage.completionTokens,
        promptCost: outcome.promptCost,
        completionCost: outcome.completionCost,
        latencyMs: Date.now() - started,
        status: outcome.status,
        errorCode:
          outcome.error instanceof DomainError ? outcome.error.code : outcome.error ? 'internal_error' : null,
        ...(outcome.leaseId ? { spendLeaseId: outcome.leaseId } : {}),
      },
      { estimated: estimate, actual: outcome.usage.promptTokens + outcome.usage.completionTokens },
    );
    await Promise.all([outcome.settled, recorded]);
    if (outcome.status === 'failed') throw outcome.error!;
    return { outcome, usageId };
  }
}
