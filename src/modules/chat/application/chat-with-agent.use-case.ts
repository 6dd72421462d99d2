import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { ConflictError, DomainError, InvalidError, NotFoundError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { dec } from '../../../shared/domain/money';
import { Clock } from '../../../shared/domain/clock.port';
import { AgentCatalog, RunnableAgent } from '../../../shared/contracts/agents';
import { ToolRegistry } from '../../../shared/contracts/agent-tools';
import { ConversationLog, Message, NewMessage, titleFrom } from '../../../shared/contracts/conversations';
import { LlmMessage, LlmToolCall, LlmToolDefinition } from '../domain/llm-provider.port';
import { buildPrompt, estimatePromptTokens } from '../domain/prompt';
import { CallModel, CallOutcome, sumCost } from './call-model';
import { ChatCaller, ChatMetering } from './chat-metering';

const HISTORY_LIMIT = 200;

export interface AgentChatInput {
  agentId: string;
  message: string;
  conversationId?: string;
  externalUserId?: string;
}

/** Streaming callbacks; absent = one JSON answer at the end. */
export interface AgentChatEvents {
  delta(text: string): void;
  toolCall(call: { id: string; name: string; arguments: string }): void;
  toolResult(result: { id: string; name: string; content: string; isError: boolean }): void;
}

export interface AgentChatResult {
  status: CallOutcome['status'];
  conversationId: string;
  messageId: string;
  content: string;
  finishReason: string;
  rounds: number;
  usage: { promptTokens: number; completionTokens: number; totalTokens: number };
  cost: string;
  currency: string;
}

export function assertChattable(agent: RunnableAgent | null, ref: string): RunnableAgent {
  if (!agent) throw new NotFoundError('Agent', ref);
  if (agent.status === 'archived') throw new ConflictError('agent_archived', `Agent ${ref} is archived`);
  if (agent.status === 'paused') throw new ConflictError('agent_paused', `Agent ${ref} is paused`);
  return agent;
}

const toLlm = (m: Message): LlmMessage =>
  m.role === 'tool'
    ? { role: 'tool', content: m.content, tool_call_id: m.toolCallId ?? '' }
    : m.role === 'assistant' && m.toolCalls?.length
      ? {
          role: 'assistant',
          content: m.content || null,
          tool_calls: m.toolCalls.map((c) => ({
            id: c.id,
            type: 'function',
            function: { name: c.name, arguments: c.arguments },
          })),
        }
      : { role: m.role, content: m.content };

/**
 * One chat turn with an agent: prompt from instructions + history, the tool-call loop (bounded), the turn
 * stored in one write, and one usage record whatever happened.
 */
@Injectable()
export class ChatWithAgent {
  private readonly logger = new Logger(ChatWithAgent.name);

  constructor(
    private readonly agents: AgentCatalog,
    private readonly conversations: ConversationLog,
    private readonly tools: ToolRegistry,
    private readonly callModel: CallModel,
    private readonly metering: ChatMetering,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async execute(
    caller: ChatCaller,
    input: AgentChatInput,
    signal: AbortSignal,
    events?: AgentChatEvents,
  ): Promise<AgentChatResult> {
    const started = Date.now();
    const agent = assertChattable(await this.agents.byId(caller.tenantId, input.agentId), input.agentId);
    const spec = this.config.chat.models[agent.model];
    if (!spec) throw new InvalidError('model_not_priced', `Model ${agent.model} has no price configured`);

    let history: LlmMessage[] = [];
    let isNew = true;
    const conversationId = input.conversationId ?? newId();
    if (input.conversationId) {
      const [existing, recent] = await Promise.all([
        this.conversations.find(caller.tenantId, input.conversationId),
        this.conversations.recentMessages(caller.tenantId, input.conversationId, HISTORY_LIMIT),
      ]);
      if (!existing || existing.agentId !== agent.id)
        throw new NotFoundError('Conversation', input.conversationId);
      history = recent.map(toLlm);
      isNew = false;
    }

    const maxTokens = Math.min(agent.maxTokens ?? this.config.chat.defaultMaxTokens, spec.maxOutputTokens);
    const messages = buildPrompt({
      instructions: agent.instructions,
      history,
      message: { role: 'user', content: input.message },
      contextTokens: spec.contextWindow - maxTokens,
    });
    const estimate = estimatePromptTokens(messages);
    const [, budgets] = await Promise.all([
      this.metering.admit(caller, estimate),
      this.metering.budgetsFor(caller),
    ]);

    const toolDefs: LlmToolDefinition[] = agent.tools
      .map((name) => this.tools.get(name))
      .filter((t) => t?.available())
      .map((t) => ({ type: 'function', function: { ...t!.spec } }));

    const usageId = newId();
    const stored: NewMessage[] = [this.message('user', input.message)];
    const outcomes: CallOutcome[] = [];
    let final: CallOutcome | undefined;
    const maxRounds = this.config.chat.maxToolRounds;
    for (let round = 0; round <= maxRounds; round++) {
      const offerTools = toolDefs.length > 0 && round < maxRounds;
      const outcome = await this.callModel
        .execute(
          {
            provider: agent.provider,
            model: agent.model,
            messages,
            maxTokens,
            ...(agent.temperature !== null ? { temperature: agent.temperature } : {}),
            ...(agent.topP !== null ? { topP: agent.topP } : {}),
            ...(offerTools ? { tools: toolDefs } : {}),
          },
          {
            budgets,
            tenantId: caller.tenantId,
            usageId,
            signal,
            onChunk: events ? (c) => c.content && events.delta(c.content) : undefined,
          },
        )
        .catch((error: unknown) => {
          // A later round refused (e.g. budget exhausted): end the turn and still record the rounds so far.
          if (round === 0) throw error;
          return this.refused(error as Error);
        });
      // Settled before the next round reserves, so a round never holds against the last one's worst case.
      await outcome.settled;
      outcomes.push(outcome);
      final = outcome;
      if (outcome.status !== 'completed' || !outcome.toolCalls.length || !offerTools) break;
      await this.runTools(caller, outcome.toolCalls, messages, stored, signal, events);
      if (signal.aborted) break;
    }

    const usage = {
      promptTokens: outcomes.reduce((s, o) => s + o.usage.promptTokens, 0),
      completionTokens: outcomes.reduce((s, o) => s + o.usage.completionTokens, 0),
    };
    const cost = sumCost(outcomes);
    const status = signal.aborted ? 'aborted' : final!.status;
    await this.metering.record(
      caller,
      {
        id: usageId,
        agentId: agent.id,
        conversationId: status === 'failed' ? (isNew ? null : conversationId) : conversationId,
        endpoint: 'agent_chat',
        provider: agent.provider,
        model: agent.model,
        promptTokens: usage.promptTokens,
        completionTokens: usage.completionTokens,
        promptCost: cost.prompt,
        completionCost: cost.completion,
        latencyMs: Date.now() - started,
        status,
        errorCode:
          final?.error instanceof DomainError ? final.error.code : final?.error ? 'internal_error' : null,
      },
      { estimated: estimate, actual: usage.promptTokens + usage.completionTokens },
    );
    if (status === 'failed') throw final!.error!;

    const reply = this.message('assistant', final!.content, usage);
    if (final!.content || status === 'completed') stored.push(reply);
    const at = this.clock.now();
    await this.conversations.appendTurn({
      tenantId: caller.tenantId,
      conversation: {
        id: conversationId,
        agentId: agent.id,
        externalUserId: input.externalUserId ?? null,
        title: titleFrom(input.message),
        createdAt: at,
      },
      messages: stored,
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
      at,
    });
    return {
      status,
      conversationId,
      messageId: reply.id,
      content: final!.content,
      finishReason: final!.finishReason,
      rounds: outcomes.length,
      usage: { ...usage, totalTokens: usage.promptTokens + usage.completionTokens },
      cost: cost.prompt.plus(cost.completion).toFixed(),
      currency: this.config.chat.currency,
    };
  }

  private refused(error: Error): CallOutcome {
    return {
      status: 'failed',
      content: '',
      toolCalls: [],
      finishReason: 'error',
      usage: { promptTokens: 0, completionTokens: 0 },
      promptCost: dec(0),
      completionCost: dec(0),
      error,
      settled: Promise.resolve(),
    };
  }

  private message(
    role: NewMessage['role'],
    content: string,
    tokens = { promptTokens: 0, completionTokens: 0 },
    extra: Partial<NewMessage> = {},
  ): NewMessage {
    return { id: newId(), role, content, toolCalls: null, toolCallId: null, ...tokens, ...extra };
  }

  /** Runs the calls of one round in parallel; a failing tool answers the model with its error message. */
  private async runTools(
    caller: ChatCaller,
    calls: LlmToolCall[],
    messages: LlmMessage[],
    stored: NewMessage[],
    signal: AbortSignal,
    events?: AgentChatEvents,
  ): Promise<void> {
    messages.push({ role: 'assistant', content: null, tool_calls: calls });
    stored.push(
      this.message('assistant', '', undefined, {
        toolCalls: calls.map((c) => ({ id: c.id, name: c.function.name, arguments: c.function.arguments })),
      }),
    );
    const results = await Promise.all(
      calls.map(async (call) => {
        events?.toolCall({ id: call.id, name: call.function.name, arguments: call.function.arguments });
        let content: string;
        let isError = false;
        try {
          const tool = this.tools.get(call.function.name);
          if (!tool?.available())
            throw new InvalidError('unknown_tool', `No tool named ${call.function.name}`);
          const args = JSON.parse(call.function.arguments || '{}') as Record<string, unknown>;
          content = await tool.execute(args, { tenantId: caller.tenantId, signal });
        } catch (error) {
          isError = true;
          content = `error: ${error instanceof DomainError || error instanceof SyntaxError ? error.message : 'the tool failed'}`;
          if (!(error instanceof DomainError) && !(error instanceof SyntaxError))
            this.logger.warn({ err: error, tool: call.function.name }, 'tool failed');
        }
        events?.toolResult({ id: call.id, name: call.function.name, content, isError });
        return { call, content };
      }),
    );
    for (const { call, content } of results) {
      messages.push({ role: 'tool', tool_call_id: call.id, content });
      stored.push(this.message('tool', content, undefined, { toolCallId: call.id }));
    }
  }
}
