"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const calculator_1 = require("./calculator");
describe('evaluateExpression', () => {
    it.each([
        ['1 + 2 * 3', 7],
        ['(1 + 2) * 3', 9],
        ['2 ^ 3 ^ 2', 512],
        ['-2 ^ 2', -4],
        ['2 ^ -1', 0.5],
        ['10 % 4', 2],
        ['sqrt(16) + max(1, 5, 3)', 9],
        ['2 * pi', 2 * Math.PI],
        ['1.5e3 / 3', 500],
        ['--3', 3],
    ])('%s = %d', (source, expected) => {
        expect((0, calculator_1.evaluateExpression)(source)).toBeCloseTo(expected, 10);
    });
    it.each(['', '1 +', '2 * (3', 'process.exit(1)', '1 / 0', 'foo(2)', '1 2', 'constructor', '('.repeat(100)])('rejects %p', (source) => {
        expect(() => (0, calculator_1.evaluateExpression)(source)).toThrow(expect.objectContaining({ code: 'invalid_expression' }));
    });
});
//# sourceMappingURL=calculator.spec.js.map