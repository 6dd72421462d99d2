"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PaymentGateway = void 0;
class PaymentGateway {
}
exports.PaymentGateway = PaymentGateway;
//# sourceMappingURL=payment-gateway.port.js.map