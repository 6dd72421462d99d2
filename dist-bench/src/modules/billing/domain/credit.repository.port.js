"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CreditRepository = void 0;
class CreditRepository {
}
exports.CreditRepository = CreditRepository;
//# sourceMappingURL=credit.repository.port.js.map