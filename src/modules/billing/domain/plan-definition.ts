import { FieldViolation, InvalidError } from '../../../shared/domain/domain-error';
import { DECIMAL_STRING_RE, dec } from '../../../shared/domain/money';
import { newId } from '../../../shared/domain/ids';
import { Charge, Interval, PlanDefinition, PriceModel, Tier } from './plan';

/** Loose input shape (from the DTO): every kind-specific field optional, checked here. */
export interface ChargeInput {
  id?: string;
  kind: Charge['kind'];
  name?: string;
  amount?: string;
  unitAmount?: string;
  timing?: 'advance' | 'arrears';
  freeSeats?: string;
  metricCode?: string;
  freeUnits?: string;
  price?: {
    model: PriceModel['model'];
    unitAmount?: string;
    /** upTo may be left out on the last tier (as null: unbounded). */
    tiers?: Array<Omit<Tier, 'upTo'> & { upTo?: string | null }>;
    packageSize?: string;
    packageAmount?: string;
    rate?: string;
    fixedPerEvent?: string;
    min?: string;
    max?: string;
    perTransactionMin?: string;
    perTransactionMax?: string;
    multiplier?: string;
    costType?: string;
  };
  outcomeType?: string;
  percentage?: string;
  minPerOutcome?: string;
  maxPerOutcome?: string;
}

export interface PlanInput {
  name: string;
  currency: string;
  interval: Interval;
  trialDays?: number;
  minimumCommitment?: string | null;
  charges: ChargeInput[];
}

const nonNegative = (v: string | undefined) =>
  v !== undefined && DECIMAL_STRING_RE.test(v) && !dec(v).isNegative();
const positive = (v: string | undefined) => nonNegative(v) && dec(v as string).gt(0);

/** Checks kind-specific fields and returns an immutable definition (charge ids kept or made). */
export function buildPlanDefinition(input: PlanInput): PlanDefinition {
  const v: FieldViolation[] = [];
  const need = (ok: boolean, field: string, message: string) => ok || v.push({ field, message });
  const charges: Charge[] = input.charges.map((c, i) => {
    const f = (name: string) => `charges.${i}.${name}`;
    const id = c.id ?? newId();
    const name = c.name ?? c.kind;
    switch (c.kind) {
      case 'base':
        need(nonNegative(c.amount), f('amount'), 'amount must be a non-negative decimal string');
        return { id, kind: 'base', name, amount: c.amount ?? '0', timing: c.timing ?? 'advance' };
      case 'seat':
        need(nonNegative(c.unitAmount), f('unitAmount'), 'unitAmount must be a non-negative decimal string');
        if (c.freeSeats !== undefined)
          need(nonNegative(c.freeSeats), f('freeSeats'), 'freeSeats must be >= 0');
        return {
          id,
          kind: 'seat',
          name,
          unitAmount: c.unitAmount ?? '0',
          timing: c.timing ?? 'advance',
          ...(c.freeSeats !== undefined ? { freeSeats: c.freeSeats } : {}),
        };
      case 'usage': {
        const price = buildPrice(c.price, f('price'), need);
        if (price?.model !== 'cost_plus') need(!!c.metricCode, f('metricCode'), 'metricCode is required');
        if (c.freeUnits !== undefined)
          need(nonNegative(c.freeUnits), f('freeUnits'), 'freeUnits must be >= 0');
        if (
          price?.model === 'percentage' &&
          (price.perTransactionMin ?? price.perTransactionMax) !== undefined
        )
          need(
            c.freeUnits === undefined,
            f('freeUnits'),
            'freeUnits cannot be combined with a per-transaction min/max (each event is priced alone)',
          );
        return {
          id,
          kind: 'usage',
          name,
          ...(c.metricCode ? { metricCode: c.metricCode } : {}),
          price: price ?? { model: 'per_unit', unitAmount: '0' },
          ...(c.freeUnits !== undefined ? { freeUnits: c.freeUnits } : {}),
        };
      }
      case 'outcome':
        need(!!c.outcomeType, f('outcomeType'), 'outcomeType is required');
        need(nonNegative(c.percentage), f('percentage'), 'percentage must be a non-negative decimal string');
        for (const k of ['minPerOutcome', 'maxPerOutcome'] as const)
          if (c[k] !== undefined) need(nonNegative(c[k]), f(k), `${k} must be >= 0`);
        if (c.minPerOutcome && c.maxPerOutcome)
          need(
            dec(c.minPerOutcome).lte(c.maxPerOutcome),
            f('maxPerOutcome'),
            'maxPerOutcome must be >= minPerOutcome',
          );
        return {
          id,
          kind: 'outcome',
          name,
          outcomeType: c.outcomeType ?? '',
          percentage: c.percentage ?? '0',
          ...(c.minPerOutcome !== undefined ? { minPerOutcome: c.minPerOutcome } : {}),
          ...(c.maxPerOutcome !== undefined ? { maxPerOutcome: c.maxPerOutcome } : {}),
        };
    }
  });
  if (input.minimumCommitment != null)
    need(nonNegative(input.minimumCommitment), 'minimumCommitment', 'must be a non-negative decimal string');
  if (v.length) throw new InvalidError('invalid_plan', `${v.length} plan field(s) are invalid`, v);
  return {
    name: input.name,
    currency: input.currency.toUpperCase(),
    interval: input.interval,
    trialDays: input.trialDays ?? 0,
    minimumCommitment: input.minimumCommitment ?? null,
    charges,
  };
}

function buildPrice(
  p: ChargeInput['price'],
  field: string,
  need: (ok: boolean, field: string, message: string) => unknown,
): PriceModel | null {
  if (!p) {
    need(false, field, 'price is required for a usage charge');
    return null;
  }
  const f = (n: string) => `${field}.${n}`;
  switch (p.model) {
    case 'per_unit':
      need(nonNegative(p.unitAmount), f('unitAmount'), 'unitAmount must be a non-negative decimal string');
      return { model: 'per_unit', unitAmount: p.unitAmount ?? '0' };
    case 'graduated':
    case 'volume': {
      const tiers = p.tiers ?? [];
      need(tiers.length > 0, f('tiers'), 'at least one tier is required');
      let prev = dec(0);
      tiers.forEach((t, i) => {
        need(
          nonNegative(t.unitAmount),
          f(`tiers.${i}.unitAmount`),
          'unitAmount must be a non-negative decimal',
        );
        if (t.flatAmount !== undefined)
          need(nonNegative(t.flatAmount), f(`tiers.${i}.flatAmount`), 'must be >= 0');
        const last = i === tiers.length - 1;
        if (t.upTo === null || t.upTo === undefined)
          need(last, f(`tiers.${i}.upTo`), 'only the last tier may be unbounded');
        // Units above a bounded last tier would have no price (Stripe also requires `up_to: inf`).
        else if (last) need(false, f(`tiers.${i}.upTo`), 'the last tier must be unbounded (upTo: null)');
        else if (
          need(positive(t.upTo) && dec(t.upTo).gt(prev), f(`tiers.${i}.upTo`), 'upTo must increase') === true
        )
          prev = dec(t.upTo);
      });
      const clean = tiers.map((t) => ({
        upTo: t.upTo ?? null,
        unitAmount: t.unitAmount,
        ...(t.flatAmount !== undefined ? { flatAmount: t.flatAmount } : {}),
      }));
      return p.model === 'graduated'
        ? { model: 'graduated', tiers: clean }
        : { model: 'volume', tiers: clean };
    }
    case 'package':
      need(positive(p.packageSize), f('packageSize'), 'packageSize must be > 0');
      need(nonNegative(p.packageAmount), f('packageAmount'), 'packageAmount must be >= 0');
      return { model: 'package', packageSize: p.packageSize ?? '1', packageAmount: p.packageAmount ?? '0' };
    case 'percentage':
      need(nonNegative(p.rate), f('rate'), 'rate (percent) must be >= 0');
      for (const k of ['fixedPerEvent', 'min', 'max', 'perTransactionMin', 'perTransactionMax'] as const)
        if (p[k] !== undefined) need(nonNegative(p[k]), f(k), `${k} must be >= 0`);
      for (const [lo, hi] of [
        ['min', 'max'],
        ['perTransactionMin', 'perTransactionMax'],
      ] as const)
        if (nonNegative(p[lo]) && nonNegative(p[hi]))
          need(dec(p[lo] as string).lte(p[hi] as string), f(hi), `${hi} must be >= ${lo}`);
      return {
        model: 'percentage',
        rate: p.rate ?? '0',
        ...(p.fixedPerEvent !== undefined ? { fixedPerEvent: p.fixedPerEvent } : {}),
        ...(p.min !== undefined ? { min: p.min } : {}),
        ...(p.max !== undefined ? { max: p.max } : {}),
        ...(p.perTransactionMin !== undefined ? { perTransactionMin: p.perTransactionMin } : {}),
        ...(p.perTransactionMax !== undefined ? { perTransactionMax: p.perTransactionMax } : {}),
      };
    case 'cost_plus':
      need(nonNegative(p.multiplier), f('multiplier'), 'multiplier must be >= 0');
      return {
        model: 'cost_plus',
        multiplier: p.multiplier ?? '1',
        ...(p.costType ? { costType: p.costType } : {}),
      };
  }
}
