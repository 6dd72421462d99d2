"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PRICE_MODELS = exports.INTERVAL_MONTHS = exports.INTERVALS = void 0;
exports.INTERVALS = ['month', 'quarter', 'year'];
exports.INTERVAL_MONTHS = { month: 1, quarter: 3, year: 12 };
exports.PRICE_MODELS = [
    'per_unit',
    'graduated',
    'volume',
    'package',
    'percentage',
    'cost_plus',
];
//# sourceMappingURL=plan.js.map