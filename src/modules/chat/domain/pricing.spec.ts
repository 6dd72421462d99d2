import fc from 'fast-check';
import { dec } from '../../../shared/domain/money';
import { costInNanos, costOf, ModelPrice, toNanos } from './pricing';

/** The definition: (input × prompt + output × completion) / 1,000,000, kept to 12 decimals half-even. */
const byDefinition = (price: ModelPrice, prompt: number, completion: number) =>
  dec(price.input).times(prompt).plus(dec(price.output).times(completion)).div(1_000_000).toDecimalPlaces(12);

/** A price per million tokens: a whole number of units up to `maxUnits`, with 0 to 9 decimals. */
const priceAmount = (maxUnits: number) =>
  fc.tuple(fc.integer({ min: 0, max: maxUnits }), fc.integer({ min: 0, max: 9 })).map(([units, scale]) =>
    dec(units)
      .div(10 ** scale)
      .toFixed(),
  );

describe('costOf', () => {
  it('prices 1,234 prompt and 567 completion tokens at 0.15 / 0.60 per million', () => {
    expect(costOf({ input: '0.15', output: '0.60' }, 1234, 567).toFixed()).toBe('0.0005253');
  });

  it('keeps 12 decimals, half-even, for prices too small for a cent', () => {
    // 0.0000015 per million = 1.5e-12 per token: one token is 0.0000000000015 -> 0.000000000002 (half-even up from 1.5)
    expect(costOf({ input: '0.0000015', output: '0' }, 1, 0).toFixed()).toBe('0.000000000002');
    // 2.5e-12 -> 0.000000000002 (half-even down)
    expect(costOf({ input: '0.0000025', output: '0' }, 1, 0).toFixed()).toBe('0.000000000002');
  });

  it('equals the definition for any price and token counts, whichever side is zero', () => {
    const amount = priceAmount(100_000);
    const tokens = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000_000 }));
    fc.assert(
      fc.property(amount, amount, tokens, tokens, (input, output, prompt, completion) => {
        const price = { input, output };
        // Twice: the second call reads the parsed price back.
        for (let i = 0; i < 2; i++)
          expect(costOf(price, prompt, completion).toFixed()).toBe(
            byDefinition(price, prompt, completion).toFixed(),
          );
      }),
    );
  });
});

describe('costInNanos', () => {
  it('is toNanos(costOf(...)), rounded up to whole nanos, for any price and token counts', () => {
    const amount = priceAmount(10_000_000);
    // Up to 10^10 tokens: past 2^53 pico-units at the larger prices, where decimals take over.
    const tokens = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000_000 }), fc.nat({ max: 1e10 }));
    fc.assert(
      fc.property(amount, amount, tokens, tokens, (input, output, prompt, completion) => {
        const price = { input, output };
        expect(costInNanos(price, prompt, completion)).toBe(toNanos(costOf(price, prompt, completion)));
      }),
      { numRuns: 500 },
    );
  });

  it('is exact where integers cannot hold the cost (more than 2^53 pico-units)', () => {
    // 100,000 per million tokens is 1e11 micro-units: 1e6 tokens make 1e17 pico-units, past 2^53.
    expect(costInNanos({ input: '100000', output: '0.000001' }, 1_000_000, 1)).toBe(100_000_000_000_001);
  });

  it('rounds a part of a nano up, and leaves whole nanos alone', () => {
    // 0.000001 per million = 1 pico-unit a token.
    const price = { input: '0.000001', output: '0.000001' };
    expect(costInNanos(price, 1, 0)).toBe(1);
    expect(costInNanos(price, 1000, 0)).toBe(1);
    expect(costInNanos(price, 1000, 1)).toBe(2);
    expect(costInNanos(price, 0, 0)).toBe(0);
  });
});
