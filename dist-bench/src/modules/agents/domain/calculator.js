"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.evaluateExpression = evaluateExpression;
const domain_error_1 = require("../../../shared/domain/domain-error");
const FUNCTIONS = {
    sqrt: Math.sqrt,
    abs: Math.abs,
    round: Math.round,
    floor: Math.floor,
    ceil: Math.ceil,
    ln: Math.log,
    log10: Math.log10,
    log2: Math.log2,
    exp: Math.exp,
    sin: Math.sin,
    cos: Math.cos,
    tan: Math.tan,
    min: Math.min,
    max: Math.max,
    pow: Math.pow,
};
const CONSTANTS = { pi: Math.PI, e: Math.E };
const MAX_LENGTH = 500;
const MAX_DEPTH = 64;
const fail = (message) => {
    throw new domain_error_1.InvalidError('invalid_expression', message);
};
function evaluateExpression(source) {
    if (source.length > MAX_LENGTH)
        fail(`expression longer than ${MAX_LENGTH} characters`);
    const tokens = source.match(/\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+|[A-Za-z_][A-Za-z0-9_]*|[-+*/%^(),]|\S/g) ?? [];
    let pos = 0;
    let depth = 0;
    const peek = () => tokens[pos];
    const take = (expected) => {
        const token = tokens[pos];
        if (token === undefined)
            fail('unexpected end of expression');
        if (expected && token !== expected)
            fail(`expected "${expected}" but found "${token}"`);
        pos++;
        return token;
    };
    const nested = (fn) => {
        if (++depth > MAX_DEPTH)
            fail('expression nested too deeply');
        try {
            return fn();
        }
        finally {
            depth--;
        }
    };
    const expr = () => nested(() => {
        let value = term();
        while (peek() === '+' || peek() === '-')
            value = take() === '+' ? value + term() : value - term();
        return value;
    });
    const term = () => {
        let value = unary();
        while (peek() === '*' || peek() === '/' || peek() === '%') {
            const op = take();
            const right = unary();
            if ((op === '/' || op === '%') && right === 0)
                fail('division by zero');
            value = op === '*' ? value * right : op === '/' ? value / right : value % right;
        }
        return value;
    };
    const power = () => {
        const base = atom();
        if (peek() !== '^')
            return base;
        take();
        return Math.pow(base, nested(unary));
    };
    const unary = () => {
        if (peek() === '-' || peek() === '+') {
            const sign = take() === '-' ? -1 : 1;
            return sign * nested(unary);
        }
        return power();
    };
    const atom = () => {
        const token = take();
        if (token === '(') {
            const value = expr();
            take(')');
            return value;
        }
        if (/^(\d|\.\d)/.test(token))
            return Number(token);
        const name = token.toLowerCase();
        if (/^[a-z_]/.test(name)) {
            if (peek() === '(') {
                const fn = FUNCTIONS[name] ?? fail(`unknown function "${token}"`);
                take('(');
                const args = [expr()];
                while (peek() === ',') {
                    take();
                    args.push(expr());
                }
                take(')');
                return fn(...args);
            }
            if (name in CONSTANTS)
                return CONSTANTS[name];
            fail(`unknown name "${token}"`);
        }
        return fail(`unexpected "${token}"`);
    };
    if (!tokens.length)
        fail('empty expression');
    const result = expr();
    if (pos < tokens.length)
        fail(`unexpected "${tokens[pos]}"`);
    if (!Number.isFinite(result))
        fail('the result is not a finite number');
    return result;
}
//# sourceMappingURL=calculator.js.map