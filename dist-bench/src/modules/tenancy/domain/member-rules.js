"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.assertOwnerRemains = assertOwnerRemains;
const domain_error_1 = require("../../../shared/domain/domain-error");
function assertOwnerRemains(currentRole, nextRole, ownerCount) {
    if (currentRole === 'owner' && nextRole !== 'owner' && ownerCount <= 1) {
        throw new domain_error_1.ConflictError('last_owner', 'An organization needs at least one owner: add another owner before this change');
    }
}
//# sourceMappingURL=member-rules.js.map