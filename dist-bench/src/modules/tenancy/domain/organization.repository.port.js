"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrganizationRepository = void 0;
class OrganizationRepository {
}
exports.OrganizationRepository = OrganizationRepository;
//# sourceMappingURL=organization.repository.port.js.map