"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toNanos = exports.NANOS = void 0;
exports.costOf = costOf;
const money_1 = require("../../../shared/domain/money");
const MILLION = 1_000_000;
function costOf(price, promptTokens, completionTokens) {
    return (0, money_1.dec)(price.input)
        .times(promptTokens)
        .plus((0, money_1.dec)(price.output).times(completionTokens))
        .div(MILLION)
        .toDecimalPlaces(12);
}
exports.NANOS = 1_000_000_000;
const toNanos = (amount) => amount.times(exports.NANOS).ceil().toNumber();
exports.toNanos = toNanos;
//# sourceMappingURL=pricing.js.map