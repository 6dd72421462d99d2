"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UpstreamError = exports.LlmProvider = void 0;
const domain_error_1 = require("../../../shared/domain/domain-error");
class LlmProvider {
}
exports.LlmProvider = LlmProvider;
class UpstreamError extends domain_error_1.DomainError {
    retryable;
    constructor(kind, code, message, retryable, details = {}) {
        super(kind, code, message, details);
        this.retryable = retryable;
    }
}
exports.UpstreamError = UpstreamError;
//# sourceMappingURL=llm-provider.port.js.map