"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CustomerRepository = void 0;
class CustomerRepository {
}
exports.CustomerRepository = CustomerRepository;
//# sourceMappingURL=customer.js.map