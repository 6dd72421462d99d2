import Decimal from 'decimal.js';

/**
 * Money rules (also in docs/architecture.md):
 * - amounts are decimal.js values in code, `numeric` in Postgres and decimal strings on the wire;
 * - unit prices keep up to 12 decimal places (token prices);
 * - a line item amount is rounded once, half-even, to the currency's minor unit;
 * - totals are sums of rounded lines, never rounded again.
 */
export const MoneyDecimal = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Dec = InstanceType<typeof MoneyDecimal>;

/**
 * ISO 4217 minor units for currencies that are not 2 decimals (what invoices are rounded to; what Stripe
 * accepts is converted in the Stripe adapter's currency table).
 */
const MINOR_UNITS: Record<string, number> = {
  BIF: 0,
  DJF: 0,
  GNF: 0,
  KMF: 0,
  PYG: 0,
  RWF: 0,
  VUV: 0,
  XPF: 0,
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

export const minorUnits = (currency: string): number => MINOR_UNITS[currency.toUpperCase()] ?? 2;

export const dec = (value: Decimal.Value): Dec => new MoneyDecimal(value);

/** Half-even rounding to the currency's minor unit. */
export const roundMoney = (amount: Decimal.Value, currency: string): Dec =>
  new MoneyDecimal(amount).toDecimalPlaces(minorUnits(currency), Decimal.ROUND_HALF_EVEN);

/** Fixed-point string with exactly the currency's minor digits, e.g. "12.30". */
export const formatMoney = (amount: Decimal.Value, currency: string): string =>
  roundMoney(amount, currency).toFixed(minorUnits(currency));

export const sumMoney = (amounts: Decimal.Value[]): Dec =>
  amounts.reduce<Dec>((acc, a) => acc.plus(a), new MoneyDecimal(0));

/** Valid decimal string for input validation: optional sign, digits, up to 12 decimals. */
export const DECIMAL_STRING_RE = /^-?\d{1,20}(\.\d{1,12})?$/;
