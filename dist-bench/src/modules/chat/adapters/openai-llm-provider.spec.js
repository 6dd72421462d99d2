"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const openai_1 = require("openai");
const openai_llm_provider_1 = require("./openai-llm-provider");
describe('toUpstreamError', () => {
    it('maps timeouts to 504, connection errors and 5xx to retryable 502, 429 with Retry-After', () => {
        expect((0, openai_llm_provider_1.toUpstreamError)(new openai_1.APIConnectionTimeoutError())).toMatchObject({
            kind: 'upstream_timeout',
            retryable: false,
        });
        expect((0, openai_llm_provider_1.toUpstreamError)(new openai_1.APIConnectionError({ message: 'reset' }))).toMatchObject({
            kind: 'upstream_failed',
            retryable: true,
        });
        expect((0, openai_llm_provider_1.toUpstreamError)(openai_1.APIError.generate(503, undefined, 'down', new Headers()))).toMatchObject({
            code: 'upstream_error',
            retryable: true,
        });
        expect((0, openai_llm_provider_1.toUpstreamError)(openai_1.APIError.generate(429, undefined, 'slow', new Headers({ 'retry-after': '7' })))).toMatchObject({
            kind: 'rate_limited',
            details: { retryAfterSeconds: 7 },
        });
        expect((0, openai_llm_provider_1.toUpstreamError)(openai_1.APIError.generate(400, undefined, 'bad', new Headers()))).toMatchObject({
            kind: 'invalid',
        });
    });
});
//# sourceMappingURL=openai-llm-provider.spec.js.map