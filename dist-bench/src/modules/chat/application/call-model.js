"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.sumCost = exports.CallModel = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../../config/app-config");
const domain_error_1 = require("../../../shared/domain/domain-error");
const money_1 = require("../../../shared/domain/money");
const llm_provider_port_1 = require("../domain/llm-provider.port");
const limits_port_1 = require("../domain/limits.port");
const pricing_1 = require("../domain/pricing");
const prompt_1 = require("../domain/prompt");
const sleep = (ms, signal) => new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
});
let CallModel = class CallModel {
    llm;
    spend;
    config;
    constructor(llm, spend, config) {
        this.llm = llm;
        this.spend = spend;
        this.config = config;
    }
    async execute(request, opts) {
        const price = this.config.chat.models[request.model];
        if (!price)
            throw new domain_error_1.InvalidError('model_not_priced', `Model ${request.model} has no price configured`);
        const worstCase = (0, pricing_1.costOf)(price, (0, prompt_1.reservePromptTokens)(request.messages), request.maxTokens);
        const reservation = await this.spend.reserve(opts.budgets, (0, pricing_1.toNanos)(worstCase));
        const acc = { content: '', toolCalls: [] };
        let outcome;
        try {
            outcome = await this.callWithRetries(request, opts, acc);
        }
        catch (error) {
            const produced = acc.content.length > 0 || acc.toolCalls.length > 0;
            const usage = opts.signal.aborted || produced
                ? this.estimate(request, acc)
                : { promptTokens: 0, completionTokens: 0 };
            outcome = {
                status: opts.signal.aborted ? 'aborted' : 'failed',
                finishReason: opts.signal.aborted ? 'aborted' : 'error',
                usage,
                error: error,
            };
        }
        const promptCost = (0, pricing_1.costOf)(price, outcome.usage.promptTokens, 0);
        const completionCost = (0, pricing_1.costOf)(price, 0, outcome.usage.completionTokens);
        await this.spend.settle(reservation, (0, pricing_1.toNanos)(promptCost.plus(completionCost)));
        return {
            ...outcome,
            content: acc.content,
            toolCalls: acc.toolCalls
                .filter((c) => c && c.name)
                .map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })),
            promptCost,
            completionCost,
        };
    }
    estimate(request, acc) {
        const generated = acc.content + acc.toolCalls.map((c) => c?.arguments ?? '').join('');
        return {
            promptTokens: (0, prompt_1.estimatePromptTokens)(request.messages),
            completionTokens: (0, prompt_1.estimateTextTokens)(generated),
        };
    }
    async callWithRetries(request, opts, acc) {
        const { upstreamMaxRetries, retryBaseMs } = this.config.chat;
        for (let attempt = 0;; attempt++) {
            try {
                if (!opts.onChunk) {
                    const res = await this.llm.complete(request, opts.signal);
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
                    };
                }
                const stream = await this.llm.stream(request, opts.signal);
                let usage;
                let finishReason = 'stop';
                for await (const chunk of stream) {
                    if (chunk.content)
                        acc.content += chunk.content;
                    for (const d of chunk.toolCalls ?? []) {
                        const call = (acc.toolCalls[d.index] ??= { id: '', name: '', arguments: '' });
                        if (d.id)
                            call.id = d.id;
                        if (d.name)
                            call.name += d.name;
                        if (d.arguments)
                            call.arguments += d.arguments;
                    }
                    if (chunk.finishReason)
                        finishReason = chunk.finishReason;
                    if (chunk.usage)
                        usage = chunk.usage;
                    opts.onChunk(chunk);
                }
                return { status: 'completed', finishReason, usage: usage ?? this.estimate(request, acc) };
            }
            catch (error) {
                const retry = error instanceof llm_provider_port_1.UpstreamError && error.retryable && attempt < upstreamMaxRetries;
                if (!retry || opts.signal.aborted)
                    throw error;
                const backoff = retryBaseMs * 2 ** attempt * (0.5 + Math.random() / 2);
                await sleep(backoff, opts.signal);
                if (opts.signal.aborted)
                    throw error;
            }
        }
    }
};
exports.CallModel = CallModel;
exports.CallModel = CallModel = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [llm_provider_port_1.LlmProvider,
        limits_port_1.SpendGuard,
        app_config_1.AppConfig])
], CallModel);
const sumCost = (outcomes) => ({
    prompt: outcomes.reduce((s, o) => s.plus(o.promptCost), (0, money_1.dec)(0)),
    completion: outcomes.reduce((s, o) => s.plus(o.completionCost), (0, money_1.dec)(0)),
});
exports.sumCost = sumCost;
//# sourceMappingURL=call-model.js.map