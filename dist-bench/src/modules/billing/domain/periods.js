"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatLocalDate = void 0;
exports.isValidTimeZone = isValidTimeZone;
exports.localMidnight = localMidnight;
exports.localDateOf = localDateOf;
exports.addMonths = addMonths;
exports.addDays = addDays;
exports.parseLocalDate = parseLocalDate;
exports.periodAt = periodAt;
exports.localDaysBetween = localDaysBetween;
exports.calendarMonthOf = calendarMonthOf;
exports.wholeHourOffset = wholeHourOffset;
const plan_1 = require("./plan");
const formatters = new Map();
function formatter(timeZone) {
    let f = formatters.get(timeZone);
    if (!f) {
        f = new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
        });
        formatters.set(timeZone, f);
    }
    return f;
}
function isValidTimeZone(timeZone) {
    try {
        formatter(timeZone);
        return true;
    }
    catch {
        return false;
    }
}
function wallClock(instant, timeZone) {
    const parts = {};
    for (const p of formatter(timeZone).formatToParts(instant)) {
        if (p.type !== 'literal')
            parts[p.type] = Number(p.value);
    }
    return parts;
}
function offsetAt(instant, timeZone) {
    const w = wallClock(instant, timeZone);
    const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}
function localMidnight(date, timeZone) {
    const guess = Date.UTC(date.year, date.month - 1, date.day);
    let instant = guess - offsetAt(new Date(guess), timeZone);
    instant = guess - offsetAt(new Date(instant), timeZone);
    return new Date(instant);
}
function localDateOf(instant, timeZone) {
    const w = wallClock(instant, timeZone);
    return { year: w.year, month: w.month, day: w.day };
}
const daysInMonth = (year, month) => new Date(Date.UTC(year, month, 0)).getUTCDate();
function addMonths(date, months) {
    const index = date.year * 12 + (date.month - 1) + months;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}
function addDays(date, days) {
    const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
const formatLocalDate = (d) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
exports.formatLocalDate = formatLocalDate;
function parseLocalDate(value) {
    const [year, month, day] = value.split('-').map(Number);
    return { year, month, day };
}
function periodAt(anchor, interval, n, timeZone) {
    const months = plan_1.INTERVAL_MONTHS[interval];
    return {
        start: localMidnight(addMonths(anchor, n * months), timeZone),
        end: localMidnight(addMonths(anchor, (n + 1) * months), timeZone),
    };
}
function localDaysBetween(start, end, timeZone) {
    const a = localDateOf(start, timeZone);
    const b = localDateOf(end, timeZone);
    return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}
function calendarMonthOf(instant, timeZone) {
    const d = localDateOf(instant, timeZone);
    const first = { year: d.year, month: d.month, day: 1 };
    return { start: localMidnight(first, timeZone), end: localMidnight(addMonths(first, 1), timeZone) };
}
function wholeHourOffset(timeZone, ...instants) {
    return instants.every((i) => offsetAt(i, timeZone) % 3_600_000 === 0);
}
//# sourceMappingURL=periods.js.map