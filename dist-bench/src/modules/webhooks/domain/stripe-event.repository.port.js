"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StripeEventRepository = void 0;
class StripeEventRepository {
}
exports.StripeEventRepository = StripeEventRepository;
//# sourceMappingURL=stripe-event.repository.port.js.map