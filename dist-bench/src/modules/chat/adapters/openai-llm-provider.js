"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.OpenAiLlmProvider = void 0;
exports.toUpstreamError = toUpstreamError;
const common_1 = require("@nestjs/common");
const openai_1 = __importStar(require("openai"));
const app_config_1 = require("../../../config/app-config");
const domain_error_1 = require("../../../shared/domain/domain-error");
const llm_provider_port_1 = require("../domain/llm-provider.port");
function toUpstreamError(error) {
    if (error instanceof openai_1.APIUserAbortError)
        return new llm_provider_port_1.UpstreamError('upstream_failed', 'aborted', 'The call was aborted', false);
    if (error instanceof openai_1.APIConnectionTimeoutError)
        return new llm_provider_port_1.UpstreamError('upstream_timeout', 'upstream_timeout', 'The model provider did not answer in time', false);
    if (error instanceof openai_1.APIConnectionError)
        return new llm_provider_port_1.UpstreamError('upstream_failed', 'upstream_unreachable', 'The model provider could not be reached', true);
    if (error instanceof openai_1.APIError) {
        const status = error.status ?? 0;
        if (status === 429) {
            const retryAfter = Number(error.headers?.get('retry-after')) || 1;
            return new llm_provider_port_1.UpstreamError('rate_limited', 'upstream_rate_limited', 'The model provider is rate limiting', false, {
                retryAfterSeconds: retryAfter,
            });
        }
        if (status === 400 || status === 404 || status === 422)
            return new domain_error_1.InvalidError('upstream_rejected', `The model provider refused the request: ${error.message}`);
        if (status === 401 || status === 403)
            return new llm_provider_port_1.UpstreamError('upstream_failed', 'upstream_auth_failed', 'The model provider refused our credentials', false);
        return new llm_provider_port_1.UpstreamError('upstream_failed', 'upstream_error', `The model provider failed (${status || 'stream error'})`, status >= 500 || !status);
    }
    return error instanceof Error ? error : new Error(String(error));
}
let OpenAiLlmProvider = class OpenAiLlmProvider extends llm_provider_port_1.LlmProvider {
    config;
    clients = new Map();
    constructor(config) {
        super();
        this.config = config;
    }
    client(name) {
        let client = this.clients.get(name);
        if (!client) {
            const provider = this.config.chat.providers[name];
            if (!provider)
                throw new domain_error_1.InvalidError('unknown_provider', `No model provider named "${name}" is configured`);
            client = new openai_1.default({
                baseURL: provider.baseUrl,
                apiKey: provider.apiKey,
                timeout: 24 * 3600 * 1000,
                maxRetries: 0,
            });
            this.clients.set(name, client);
        }
        return client;
    }
    params(request) {
        return {
            ...request.passthrough,
            model: request.model,
            messages: request.messages,
            max_tokens: request.maxTokens,
            ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
            ...(request.topP !== undefined ? { top_p: request.topP } : {}),
            ...(request.tools?.length ? { tools: request.tools } : {}),
        };
    }
    deadline(signal) {
        const controller = new AbortController();
        let timedOut = false;
        const onAbort = () => controller.abort();
        signal.addEventListener('abort', onAbort, { once: true });
        const handle = setTimeout(() => {
            timedOut = true;
            controller.abort();
        }, this.config.chat.upstreamTimeoutMs);
        return {
            signal: controller.signal,
            started: () => clearTimeout(handle),
            dispose: () => {
                clearTimeout(handle);
                signal.removeEventListener('abort', onAbort);
            },
            error: (error) => timedOut && !signal.aborted
                ? new llm_provider_port_1.UpstreamError('upstream_timeout', 'upstream_timeout', 'The model provider did not answer in time', false)
                : toUpstreamError(error),
        };
    }
    async complete(request, signal) {
        const deadline = this.deadline(signal);
        try {
            const res = (await this.client(request.provider).chat.completions.create({ ...this.params(request), stream: false }, { signal: deadline.signal }));
            const choice = res.choices[0];
            const toolCalls = (choice?.message.tool_calls ?? []).filter((c) => c.type === 'function');
            return {
                content: choice?.message.content ?? null,
                toolCalls,
                finishReason: choice?.finish_reason ?? 'stop',
                usage: res.usage
                    ? { promptTokens: res.usage.prompt_tokens, completionTokens: res.usage.completion_tokens }
                    : null,
                raw: res,
            };
        }
        catch (error) {
            throw deadline.error(error);
        }
        finally {
            deadline.dispose();
        }
    }
    async stream(request, signal) {
        let stream;
        const deadline = this.deadline(signal);
        try {
            stream = await this.client(request.provider).chat.completions.create({ ...this.params(request), stream: true, stream_options: { include_usage: true } }, { signal: deadline.signal });
        }
        catch (error) {
            deadline.dispose();
            throw deadline.error(error);
        }
        return (async function* () {
            try {
                for await (const chunk of stream) {
                    deadline.started();
                    const choice = chunk.choices[0];
                    const delta = choice?.delta;
                    yield {
                        content: delta?.content ?? undefined,
                        toolCalls: delta?.tool_calls?.map((t) => ({
                            index: t.index,
                            id: t.id,
                            name: t.function?.name,
                            arguments: t.function?.arguments,
                        })),
                        finishReason: choice?.finish_reason ?? undefined,
                        usage: chunk.usage
                            ? { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens }
                            : undefined,
                        raw: chunk,
                    };
                }
            }
            catch (error) {
                const mapped = deadline.error(error);
                if (mapped instanceof domain_error_1.DomainError && !(mapped instanceof llm_provider_port_1.UpstreamError))
                    throw mapped;
                throw mapped instanceof llm_provider_port_1.UpstreamError
                    ? new llm_provider_port_1.UpstreamError(mapped.kind, mapped.code, mapped.message, false, mapped.details)
                    : new llm_provider_port_1.UpstreamError('upstream_failed', 'upstream_error', 'The model provider broke off the stream', false);
            }
            finally {
                deadline.dispose();
            }
        })();
    }
};
exports.OpenAiLlmProvider = OpenAiLlmProvider;
exports.OpenAiLlmProvider = OpenAiLlmProvider = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [app_config_1.AppConfig])
], OpenAiLlmProvider);
//# sourceMappingURL=openai-llm-provider.js.map