"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SubscriptionRepository = exports.renews = exports.isInTrialPeriod = void 0;
exports.startSubscription = startSubscription;
exports.nextPeriod = nextPeriod;
exports.remainingFraction = remainingFraction;
exports.proratedAdvanceFees = proratedAdvanceFees;
exports.seatChangeProration = seatChangeProration;
const money_1 = require("../../../shared/domain/money");
const periods_1 = require("./periods");
function startSubscription(input) {
    const startDate = (0, periods_1.localDateOf)(input.start, input.timezone);
    const startAt = (0, periods_1.localMidnight)(startDate, input.timezone);
    if (input.trialDays > 0) {
        const anchor = (0, periods_1.addDays)(startDate, input.trialDays);
        const trialEnd = (0, periods_1.localMidnight)(anchor, input.timezone);
        return {
            status: 'trialing',
            startedAt: startAt,
            trialEnd,
            anchorDate: (0, periods_1.formatLocalDate)(anchor),
            periodIndex: -1,
            currentPeriodStart: startAt,
            currentPeriodEnd: trialEnd,
        };
    }
    const p = (0, periods_1.periodAt)(startDate, input.interval, 0, input.timezone);
    return {
        status: 'active',
        startedAt: startAt,
        trialEnd: null,
        anchorDate: (0, periods_1.formatLocalDate)(startDate),
        periodIndex: 0,
        currentPeriodStart: p.start,
        currentPeriodEnd: p.end,
    };
}
function nextPeriod(sub, interval) {
    const index = sub.periodIndex + 1;
    return { index, ...(0, periods_1.periodAt)((0, periods_1.parseLocalDate)(sub.anchorDate), interval, index, sub.timezone) };
}
const isInTrialPeriod = (sub, period) => sub.trialEnd !== null && period.end.getTime() <= sub.trialEnd.getTime();
exports.isInTrialPeriod = isInTrialPeriod;
const renews = (sub) => sub.status !== 'canceled' && !sub.cancelAtPeriodEnd;
exports.renews = renews;
function remainingFraction(now, period, timezone) {
    const total = (0, periods_1.localDaysBetween)(period.start, period.end, timezone);
    const from = now < period.start ? period.start : now;
    const fromMidnight = (0, periods_1.localMidnight)((0, periods_1.localDateOf)(from, timezone), timezone);
    return { remaining: Math.max(0, (0, periods_1.localDaysBetween)(fromMidnight, period.end, timezone)), total };
}
const billableSeats = (seats, freeSeats) => Math.max(0, seats - Number(freeSeats ?? 0));
function proratedAdvanceFees(input) {
    const { remaining, total } = remainingFraction(input.now, input.period, input.timezone);
    if (total <= 0 || remaining <= 0)
        return [];
    const out = [];
    for (const c of input.charges) {
        if ((c.kind !== 'base' && c.kind !== 'seat') || c.timing !== 'advance')
            continue;
        const qty = c.kind === 'base' ? 1 : billableSeats(input.seats, c.freeSeats);
        if (qty === 0)
            continue;
        const unit = (0, money_1.dec)(c.kind === 'base' ? c.amount : c.unitAmount)
            .times(remaining)
            .div(total)
            .times(input.sign);
        out.push({
            kind: 'proration',
            description: `${input.label}: ${c.name} × ${qty} for ${remaining}/${total} days`,
            quantity: String(qty),
            unitAmount: unit.toDecimalPlaces(12).toString(),
            amount: unit.times(qty),
        });
    }
    return out;
}
function seatChangeProration(input) {
    const { remaining, total } = remainingFraction(input.now, input.period, input.timezone);
    if (total <= 0 || remaining <= 0)
        return [];
    const out = [];
    for (const c of input.charges) {
        if (c.kind !== 'seat' || c.timing !== 'advance')
            continue;
        const delta = billableSeats(input.newSeats, c.freeSeats) - billableSeats(input.oldSeats, c.freeSeats);
        if (delta === 0)
            continue;
        const unit = (0, money_1.dec)(c.unitAmount).times(remaining).div(total);
        out.push({
            kind: 'proration',
            description: `Seats ${input.oldSeats} → ${input.newSeats}: ${c.name} × ${delta} for ${remaining}/${total} days`,
            quantity: String(delta),
            unitAmount: unit.toDecimalPlaces(12).toString(),
            amount: unit.times(delta),
        });
    }
    return out;
}
class SubscriptionRepository {
}
exports.SubscriptionRepository = SubscriptionRepository;
//# sourceMappingURL=subscription.js.map