"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatNumber = exports.numberSeries = exports.canTransition = exports.INVOICE_STATUSES = void 0;
exports.creditsToApply = creditsToApply;
exports.amountDue = amountDue;
const money_1 = require("../../../shared/domain/money");
exports.INVOICE_STATUSES = ['draft', 'finalized', 'paid', 'void', 'uncollectible'];
const TRANSITIONS = {
    draft: ['finalized', 'paid', 'void'],
    finalized: ['paid', 'void', 'uncollectible'],
    uncollectible: ['paid', 'void'],
    paid: [],
    void: [],
};
const canTransition = (from, to) => TRANSITIONS[from].includes(to);
exports.canTransition = canTransition;
const numberSeries = (prefix, at) => `${prefix}-${at.getUTCFullYear()}`;
exports.numberSeries = numberSeries;
const formatNumber = (series, n) => `${series}-${String(n).padStart(6, '0')}`;
exports.formatNumber = formatNumber;
function creditsToApply(rated) {
    const owed = (0, money_1.dec)(rated.totalBeforeCredits);
    const available = (0, money_1.dec)(rated.creditsAvailable);
    const apply = owed.lte(0) || available.lte(0) ? (0, money_1.dec)(0) : owed.lt(available) ? owed : available;
    return (0, money_1.formatMoney)(apply, rated.currency);
}
function amountDue(totalBeforeCredits, creditsApplied, currency) {
    return (0, money_1.formatMoney)((0, money_1.roundMoney)((0, money_1.dec)(totalBeforeCredits).minus(creditsApplied), currency), currency);
}
//# sourceMappingURL=invoice.js.map