"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VerificationRuleRepository = void 0;
exports.nextVerificationStep = nextVerificationStep;
const money_1 = require("../../../shared/domain/money");
function nextVerificationStep(rule, outcome, now) {
    if (!rule)
        return { kind: 'decided', status: 'verified', reason: 'no verification rule for this outcome type' };
    const missing = rule.requiredEvidence.filter((f) => {
        const v = outcome.evidence?.[f];
        return v === undefined || v === null || v === '';
    });
    if (missing.length)
        return { kind: 'decided', status: 'rejected', reason: `missing evidence: ${missing.join(', ')}` };
    if (rule.autoAcceptBelow !== null && (0, money_1.dec)(outcome.value).lt(rule.autoAcceptBelow))
        return {
            kind: 'decided',
            status: 'verified',
            reason: `value below auto-accept threshold ${rule.autoAcceptBelow}`,
        };
    if (rule.webhookUrl)
        return { kind: 'ask_webhook', url: rule.webhookUrl, secret: rule.webhookSecret ?? '' };
    if (rule.disputeWindowHours !== null) {
        const at = new Date(outcome.createdAt.getTime() + rule.disputeWindowHours * 3600_000);
        if (at <= now)
            return { kind: 'decided', status: 'verified', reason: 'dispute window passed without dispute' };
        return { kind: 'wait_until', at };
    }
    return { kind: 'decided', status: 'rejected', reason: 'value above the auto-accept threshold' };
}
class VerificationRuleRepository {
}
exports.VerificationRuleRepository = VerificationRuleRepository;
//# sourceMappingURL=verification-rule.js.map