"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MembershipRepository = void 0;
class MembershipRepository {
}
exports.MembershipRepository = MembershipRepository;
//# sourceMappingURL=membership.repository.port.js.map