"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.allocateDebit = allocateDebit;
const money_1 = require("../../../shared/domain/money");
function allocateDebit(grants, amount, now) {
    let wanted = (0, money_1.dec)(amount);
    const live = grants
        .filter((g) => (0, money_1.dec)(g.remaining).gt(0) && (g.expiresAt === null || g.expiresAt > now))
        .sort((a, b) => (a.expiresAt?.getTime() ?? Infinity) - (b.expiresAt?.getTime() ?? Infinity) ||
        a.createdAt.getTime() - b.createdAt.getTime());
    const out = [];
    for (const g of live) {
        if (wanted.lte(0))
            break;
        const take = Dec_min(wanted, (0, money_1.dec)(g.remaining));
        out.push({ grantId: g.id, amount: take });
        wanted = wanted.minus(take);
    }
    return out;
}
const Dec_min = (a, b) => (a.lt(b) ? a : b);
//# sourceMappingURL=credits.js.map