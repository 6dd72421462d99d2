"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildPlanDefinition = buildPlanDefinition;
const domain_error_1 = require("../../../shared/domain/domain-error");
const money_1 = require("../../../shared/domain/money");
const ids_1 = require("../../../shared/domain/ids");
const nonNegative = (v) => v !== undefined && money_1.DECIMAL_STRING_RE.test(v) && !(0, money_1.dec)(v).isNegative();
const positive = (v) => nonNegative(v) && (0, money_1.dec)(v).gt(0);
function buildPlanDefinition(input) {
    const v = [];
    const need = (ok, field, message) => ok || v.push({ field, message });
    const charges = input.charges.map((c, i) => {
        const f = (name) => `charges.${i}.${name}`;
        const id = c.id ?? (0, ids_1.newId)();
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
                if (price?.model !== 'cost_plus')
                    need(!!c.metricCode, f('metricCode'), 'metricCode is required');
                if (c.freeUnits !== undefined)
                    need(nonNegative(c.freeUnits), f('freeUnits'), 'freeUnits must be >= 0');
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
                for (const k of ['minPerOutcome', 'maxPerOutcome'])
                    if (c[k] !== undefined)
                        need(nonNegative(c[k]), f(k), `${k} must be >= 0`);
                if (c.minPerOutcome && c.maxPerOutcome)
                    need((0, money_1.dec)(c.minPerOutcome).lte(c.maxPerOutcome), f('maxPerOutcome'), 'maxPerOutcome must be >= minPerOutcome');
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
    if (v.length)
        throw new domain_error_1.InvalidError('invalid_plan', `${v.length} plan field(s) are invalid`, v);
    return {
        name: input.name,
        currency: input.currency.toUpperCase(),
        interval: input.interval,
        trialDays: input.trialDays ?? 0,
        minimumCommitment: input.minimumCommitment ?? null,
        charges,
    };
}
function buildPrice(p, field, need) {
    if (!p) {
        need(false, field, 'price is required for a usage charge');
        return null;
    }
    const f = (n) => `${field}.${n}`;
    switch (p.model) {
        case 'per_unit':
            need(nonNegative(p.unitAmount), f('unitAmount'), 'unitAmount must be a non-negative decimal string');
            return { model: 'per_unit', unitAmount: p.unitAmount ?? '0' };
        case 'graduated':
        case 'volume': {
            const tiers = p.tiers ?? [];
            need(tiers.length > 0, f('tiers'), 'at least one tier is required');
            let prev = (0, money_1.dec)(0);
            tiers.forEach((t, i) => {
                need(nonNegative(t.unitAmount), f(`tiers.${i}.unitAmount`), 'unitAmount must be a non-negative decimal');
                if (t.flatAmount !== undefined)
                    need(nonNegative(t.flatAmount), f(`tiers.${i}.flatAmount`), 'must be >= 0');
                const last = i === tiers.length - 1;
                if (t.upTo === null || t.upTo === undefined)
                    need(last, f(`tiers.${i}.upTo`), 'only the last tier may be unbounded');
                else if (need(positive(t.upTo) && (0, money_1.dec)(t.upTo).gt(prev), f(`tiers.${i}.upTo`), 'upTo must increase') === true)
                    prev = (0, money_1.dec)(t.upTo);
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
            for (const k of ['fixedPerEvent', 'min', 'max'])
                if (p[k] !== undefined)
                    need(nonNegative(p[k]), f(k), `${k} must be >= 0`);
            return {
                model: 'percentage',
                rate: p.rate ?? '0',
                ...(p.fixedPerEvent !== undefined ? { fixedPerEvent: p.fixedPerEvent } : {}),
                ...(p.min !== undefined ? { min: p.min } : {}),
                ...(p.max !== undefined ? { max: p.max } : {}),
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
//# sourceMappingURL=plan-definition.js.map