"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.graduatedAmount = graduatedAmount;
exports.volumeAmount = volumeAmount;
exports.packageAmount = packageAmount;
exports.percentageAmount = percentageAmount;
exports.priceAmount = priceAmount;
exports.outcomeFee = outcomeFee;
exports.rateSubscriptionPeriod = rateSubscriptionPeriod;
const money_1 = require("../../../shared/domain/money");
const ZERO = (0, money_1.dec)(0);
const max0 = (d) => (d.isNegative() ? ZERO : d);
function graduatedAmount(quantity, tiers) {
    let total = ZERO;
    let lower = ZERO;
    for (const tier of tiers) {
        if (quantity.lte(lower))
            break;
        const upper = tier.upTo === null ? quantity : minDec(quantity, (0, money_1.dec)(tier.upTo));
        total = total.plus(upper.minus(lower).times(tier.unitAmount)).plus(tier.flatAmount ?? 0);
        lower = upper;
    }
    return total;
}
function volumeAmount(quantity, tiers) {
    if (quantity.isZero())
        return ZERO;
    const tier = tiers.find((t) => t.upTo === null || quantity.lte(t.upTo)) ?? tiers[tiers.length - 1];
    return quantity.times(tier.unitAmount).plus(tier.flatAmount ?? 0);
}
function packageAmount(quantity, packageSize, price) {
    if (quantity.lte(0))
        return ZERO;
    return quantity.div(packageSize).ceil().times(price);
}
function percentageAmount(summed, events, p) {
    if (events === 0 && summed.isZero())
        return ZERO;
    let amount = summed
        .times(p.rate)
        .div(100)
        .plus((0, money_1.dec)(p.fixedPerEvent ?? 0).times(events));
    if (p.min !== undefined && amount.lt(p.min))
        amount = (0, money_1.dec)(p.min);
    if (p.max !== undefined && amount.gt(p.max))
        amount = (0, money_1.dec)(p.max);
    return amount;
}
function priceAmount(price, quantity, events) {
    switch (price.model) {
        case 'per_unit':
            return quantity.times(price.unitAmount);
        case 'graduated':
            return graduatedAmount(quantity, price.tiers);
        case 'volume':
            return volumeAmount(quantity, price.tiers);
        case 'package':
            return packageAmount(quantity, price.packageSize, price.packageAmount);
        case 'percentage':
            return percentageAmount(quantity, events, price);
        case 'cost_plus':
            return quantity.times(price.multiplier);
    }
}
function outcomeFee(value, charge) {
    let fee = value.times(charge.percentage).div(100);
    if (charge.minPerOutcome !== undefined && fee.lt(charge.minPerOutcome))
        fee = (0, money_1.dec)(charge.minPerOutcome);
    if (charge.maxPerOutcome !== undefined && fee.gt(charge.maxPerOutcome))
        fee = (0, money_1.dec)(charge.maxPerOutcome);
    return fee;
}
function minDec(a, b) {
    return a.lt(b) ? a : b;
}
function rateSubscriptionPeriod(input) {
    const cur = input.currency;
    const money = (d) => (0, money_1.roundMoney)(d, cur);
    const lines = [];
    const outcomeFees = {};
    const fixedLine = (charge, nextPeriod) => {
        const quantity = charge.kind === 'base' ? (0, money_1.dec)(1) : max0((0, money_1.dec)(input.seats).minus(charge.freeSeats ?? 0));
        const unit = (0, money_1.dec)(charge.kind === 'base' ? charge.amount : charge.unitAmount);
        lines.push({
            kind: charge.kind,
            description: nextPeriod ? `${charge.name} (next period, in advance)` : charge.name,
            quantity: quantity.toString(),
            unitAmount: unit.toString(),
            amount: money(quantity.times(unit)).toString(),
            chargeId: charge.id,
            ...(nextPeriod ? { metadata: { nextPeriod: true } } : {}),
        });
    };
    for (const charge of input.charges) {
        if (charge.kind === 'base' || charge.kind === 'seat') {
            if (charge.timing === 'arrears' && input.billArrears)
                fixedLine(charge, false);
            if (charge.timing === 'advance' && input.billAdvanceForNextPeriod)
                fixedLine(charge, true);
        }
        else if (charge.kind === 'usage') {
            if (!input.billArrears)
                continue;
            const usage = input.usage[charge.id] ?? { quantity: '0', events: 0 };
            const billable = max0((0, money_1.dec)(usage.quantity).minus(charge.freeUnits ?? 0));
            const amount = money(priceAmount(charge.price, billable, usage.events));
            lines.push({
                kind: 'usage',
                description: charge.name,
                quantity: billable.toString(),
                unitAmount: billable.isZero() ? '0' : amount.div(billable).toDecimalPlaces(12).toString(),
                amount: amount.toString(),
                chargeId: charge.id,
                metricCode: charge.metricCode,
                metadata: { priceModel: charge.price.model, rawQuantity: (0, money_1.dec)(usage.quantity).toString() },
            });
        }
        else {
            if (!input.billArrears)
                continue;
            const matching = input.outcomes.filter((o) => o.type === charge.outcomeType);
            let total = ZERO;
            let value = ZERO;
            for (const o of matching) {
                const fee = outcomeFee((0, money_1.dec)(o.value), charge);
                outcomeFees[o.id] = fee.toString();
                total = total.plus(fee);
                value = value.plus(o.value);
            }
            lines.push({
                kind: 'outcome',
                description: `${charge.name} (${charge.percentage}% of ${matching.length} verified ${charge.outcomeType})`,
                quantity: String(matching.length),
                unitAmount: matching.length ? total.div(matching.length).toDecimalPlaces(12).toString() : '0',
                amount: money(total).toString(),
                chargeId: charge.id,
                metadata: { outcomeValue: value.toString(), outcomeIds: matching.map((o) => o.id) },
            });
        }
    }
    for (const adj of input.adjustments) {
        lines.push({
            kind: adj.kind,
            description: adj.description,
            quantity: adj.quantity,
            unitAmount: adj.unitAmount,
            amount: money((0, money_1.dec)(adj.amount)).toString(),
        });
    }
    if (input.minimumCommitment && input.billArrears) {
        const committed = (0, money_1.sumMoney)(lines.filter((l) => !l.metadata?.nextPeriod).map((l) => l.amount));
        const shortfall = (0, money_1.dec)(input.minimumCommitment).minus(committed);
        if (shortfall.gt(0)) {
            lines.push({
                kind: 'minimum_commitment',
                description: `Minimum commitment of ${input.minimumCommitment} ${cur}`,
                quantity: '1',
                unitAmount: shortfall.toString(),
                amount: money(shortfall).toString(),
            });
        }
    }
    const subtotal = (0, money_1.sumMoney)(lines.map((l) => l.amount));
    let remaining = max0(subtotal);
    for (const c of input.coupons) {
        if (remaining.isZero())
            break;
        const raw = c.kind === 'percentage' ? remaining.times(c.percentOff ?? 0).div(100) : (0, money_1.dec)(c.amountOff ?? 0);
        const discount = money(minDec(raw, remaining));
        if (discount.isZero())
            continue;
        remaining = remaining.minus(discount);
        lines.push({
            kind: 'discount',
            description: `Coupon ${c.name}`,
            quantity: '1',
            unitAmount: discount.negated().toString(),
            amount: discount.negated().toString(),
            metadata: { couponRedemptionId: c.redemptionId },
        });
    }
    const discountTotal = (0, money_1.sumMoney)(lines.filter((l) => l.kind === 'discount').map((l) => l.amount));
    const taxable = subtotal.plus(discountTotal);
    const taxTotal = money(max0(taxable).times(input.taxRate).div(100));
    const fmt = (d) => money(d).toFixed((0, money_1.minorUnits)(cur));
    return {
        lines: lines.map((l) => ({ ...l, amount: (0, money_1.dec)(l.amount).toFixed((0, money_1.minorUnits)(cur)) })),
        subtotal: fmt(subtotal),
        discountTotal: fmt(discountTotal),
        taxTotal: fmt(taxTotal),
        totalBeforeCredits: fmt(taxable.plus(taxTotal)),
        outcomeFees,
    };
}
//# sourceMappingURL=rating.js.map