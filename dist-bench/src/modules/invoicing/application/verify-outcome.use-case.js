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
exports.VerifyOutcome = exports.VerificationRetryError = void 0;
const common_1 = require("@nestjs/common");
const billing_for_invoicing_1 = require("../../../shared/contracts/billing-for-invoicing");
const webhook_events_1 = require("../../../shared/contracts/webhook-events");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const verification_rule_1 = require("../domain/verification-rule");
const outcome_verifier_port_1 = require("../domain/outcome-verifier.port");
class VerificationRetryError extends domain_error_1.DomainError {
    constructor(message) {
        super('upstream_failed', 'outcome_verification_retry', message);
    }
}
exports.VerificationRetryError = VerificationRetryError;
let VerifyOutcome = class VerifyOutcome {
    billing;
    rules;
    verifier;
    events;
    clock;
    constructor(billing, rules, verifier, events, clock) {
        this.billing = billing;
        this.rules = rules;
        this.verifier = verifier;
        this.events = events;
        this.clock = clock;
    }
    async execute(tenantId, outcomeId) {
        const outcome = await this.billing.findOutcome(tenantId, outcomeId);
        if (!outcome)
            throw new VerificationRetryError(`outcome ${outcomeId} not found (yet)`);
        if (outcome.status !== 'pending')
            return { status: 'unchanged' };
        const now = this.clock.now();
        const step = (0, verification_rule_1.nextVerificationStep)(await this.rules.find(tenantId, outcome.type), outcome, now);
        let decision;
        if (step.kind === 'wait_until')
            return { status: 'waiting', delayMs: step.at.getTime() - now.getTime() };
        if (step.kind === 'ask_webhook') {
            const verdict = await this.verifier.ask(step.url, step.secret, outcome);
            if (!verdict.ok)
                throw new VerificationRetryError(verdict.error);
            decision = {
                status: verdict.status,
                reason: verdict.reason ?? 'decided by the tenant verification webhook',
            };
        }
        else
            decision = step;
        await this.billing.markOutcome(tenantId, outcomeId, decision);
        await this.events.publish(tenantId, decision.status === 'verified' ? 'outcome.verified' : 'outcome.rejected', {
            outcomeId,
            agentId: outcome.agentId,
            customerId: outcome.customerId,
            type: outcome.type,
            value: outcome.value,
            currency: outcome.currency,
            reason: decision.reason,
        });
        return { status: decision.status };
    }
};
exports.VerifyOutcome = VerifyOutcome;
exports.VerifyOutcome = VerifyOutcome = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [billing_for_invoicing_1.BillingForInvoicing,
        verification_rule_1.VerificationRuleRepository,
        outcome_verifier_port_1.OutcomeVerifier,
        webhook_events_1.WebhookEvents,
        clock_port_1.Clock])
], VerifyOutcome);
//# sourceMappingURL=verify-outcome.use-case.js.map