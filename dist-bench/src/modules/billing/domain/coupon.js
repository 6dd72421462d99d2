"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CouponRepository = exports.periodsFor = void 0;
const periodsFor = (c) => c.duration === 'once' ? 1 : c.duration === 'repeating' ? (c.durationPeriods ?? 1) : null;
exports.periodsFor = periodsFor;
class CouponRepository {
}
exports.CouponRepository = CouponRepository;
//# sourceMappingURL=coupon.js.map