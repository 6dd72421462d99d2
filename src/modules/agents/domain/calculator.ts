import { InvalidError } from '../../../shared/domain/domain-error';

/**
 * A small recursive-descent evaluator for arithmetic (never eval): numbers, + - * / % ^, parentheses,
 * unary minus, the constants pi and e, and a fixed set of functions.
 *
 *   expr   := term (('+' | '-') term)*
 *   term   := unary (('*' | '/' | '%') unary)*
 *   unary  := '-' unary | '+' unary | power     (so -2^2 = -4)
 *   power  := atom ('^' unary)?                 (right-associative)
 *   atom   := number | name | name '(' expr (',' expr)* ')' | '(' expr ')'
 */
const FUNCTIONS: Record<string, (...xs: number[]) => number> = {
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
const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };

const MAX_LENGTH = 500;
const MAX_DEPTH = 64;

const fail = (message: string): never => {
  throw new InvalidError('invalid_expression', message);
};

export function evaluateExpression(source: string): number {
  if (source.length > MAX_LENGTH) fail(`expression longer than ${MAX_LENGTH} characters`);
  const tokens =
    source.match(/\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+|[A-Za-z_][A-Za-z0-9_]*|[-+*/%^(),]|\S/g) ?? [];
  let pos = 0;
  let depth = 0;
  const peek = () => tokens[pos];
  const take = (expected?: string) => {
    const token = tokens[pos];
    if (token === undefined) fail('unexpected end of expression');
    if (expected && token !== expected) fail(`expected "${expected}" but found "${token}"`);
    pos++;
    return token!;
  };
  const nested = <T>(fn: () => T): T => {
    if (++depth > MAX_DEPTH) fail('expression nested too deeply');
    try {
      return fn();
    } finally {
      depth--;
    }
  };

  const expr = (): number =>
    nested(() => {
      let value = term();
      while (peek() === '+' || peek() === '-') value = take() === '+' ? value + term() : value - term();
      return value;
    });
  const term = (): number => {
    let value = unary();
    while (peek() === '*' || peek() === '/' || peek() === '%') {
      const op = take();
      const right = unary();
      if ((op === '/' || op === '%') && right === 0) fail('division by zero');
      value = op === '*' ? value * right : op === '/' ? value / right : value % right;
    }
    return value;
  };
  const power = (): number => {
    const base = atom();
    if (peek() !== '^') return base;
    take();
    return Math.pow(base, nested(unary));
  };
  const unary = (): number => {
    if (peek() === '-' || peek() === '+') {
      const sign = take() === '-' ? -1 : 1;
      return sign * nested(unary);
    }
    return power();
  };
  const atom = (): number => {
    const token = take();
    if (token === '(') {
      const value = expr();
      take(')');
      return value;
    }
    if (/^(\d|\.\d)/.test(token)) return Number(token);
    const name = token.toLowerCase();
    if (/^[a-z_]/.test(name)) {
      if (peek() === '(') {
        // Own properties only: "constructor(" must not find Object.prototype's members.
        const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : fail(`unknown function "${token}"`);
        take('(');
        const args = [expr()];
        while (peek() === ',') {
          take();
          args.push(expr());
        }
        take(')');
        return fn(...args);
      }
      if (Object.hasOwn(CONSTANTS, name)) return CONSTANTS[name];
      fail(`unknown name "${token}"`);
    }
    return fail(`unexpected "${token}"`);
  };

  if (!tokens.length) fail('empty expression');
  const result = expr();
  if (pos < tokens.length) fail(`unexpected "${tokens[pos]}"`);
  if (!Number.isFinite(result)) fail('the result is not a finite number');
  return result;
}
