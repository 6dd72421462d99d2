"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UnlimitedBudgetSource = exports.NoopUsageEventSink = exports.BudgetSource = exports.UsageEventSink = exports.BUILTIN_METRICS = void 0;
exports.BUILTIN_METRICS = {
    promptTokens: 'llm_prompt_tokens',
    completionTokens: 'llm_completion_tokens',
    agentRequests: 'agent_requests',
};
class UsageEventSink {
}
exports.UsageEventSink = UsageEventSink;
class BudgetSource {
}
exports.BudgetSource = BudgetSource;
class NoopUsageEventSink extends UsageEventSink {
    async ingest() { }
}
exports.NoopUsageEventSink = NoopUsageEventSink;
class UnlimitedBudgetSource extends BudgetSource {
    async budgetsFor() {
        return [];
    }
}
exports.UnlimitedBudgetSource = UnlimitedBudgetSource;
//# sourceMappingURL=metering.js.map