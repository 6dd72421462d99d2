"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DECIMAL_STRING_RE = exports.sumMoney = exports.formatMoney = exports.roundMoney = exports.dec = exports.minorUnits = exports.MoneyDecimal = void 0;
const decimal_js_1 = __importDefault(require("decimal.js"));
exports.MoneyDecimal = decimal_js_1.default.clone({
    precision: 40,
    rounding: decimal_js_1.default.ROUND_HALF_EVEN,
    toExpNeg: -40,
    toExpPos: 40,
});
const MINOR_UNITS = {
    JPY: 0,
    KRW: 0,
    VND: 0,
    CLP: 0,
    ISK: 0,
    UGX: 0,
    XAF: 0,
    XOF: 0,
    BHD: 3,
    KWD: 3,
    OMR: 3,
    JOD: 3,
    TND: 3,
    IQD: 3,
    LYD: 3,
};
const minorUnits = (currency) => MINOR_UNITS[currency.toUpperCase()] ?? 2;
exports.minorUnits = minorUnits;
const dec = (value) => new exports.MoneyDecimal(value);
exports.dec = dec;
const roundMoney = (amount, currency) => new exports.MoneyDecimal(amount).toDecimalPlaces((0, exports.minorUnits)(currency), decimal_js_1.default.ROUND_HALF_EVEN);
exports.roundMoney = roundMoney;
const formatMoney = (amount, currency) => (0, exports.roundMoney)(amount, currency).toFixed((0, exports.minorUnits)(currency));
exports.formatMoney = formatMoney;
const sumMoney = (amounts) => amounts.reduce((acc, a) => acc.plus(a), new exports.MoneyDecimal(0));
exports.sumMoney = sumMoney;
exports.DECIMAL_STRING_RE = /^-?\d{1,20}(\.\d{1,12})?$/;
//# sourceMappingURL=money.js.map