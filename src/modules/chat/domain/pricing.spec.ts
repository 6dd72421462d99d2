import fc from 'fast-check';
import { dec } from '../../../shared/domain/money';
import { costOf, ModelPrice } from './pricing';

/** The definition: (input × prompt + output × completion) / 1,000,000, kept to 12 decimals half-even. */
const byDefinition = (price: ModelPrice, prompt: number, completion: number) =>
  dec(price.input).times(prompt).plus(dec(price.output).times(completion)).div(1_000_000).toDecimalPlaces(12);

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
    const amount = fc
      .tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 9 }))
      .map(([units, scale]) =>
        dec(units)
          .div(10 ** scale)
          .toFixed(),
      );
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
