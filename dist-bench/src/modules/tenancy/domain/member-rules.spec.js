"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const member_rules_1 = require("./member-rules");
describe('assertOwnerRemains', () => {
    it('refuses to demote or remove the last owner', () => {
        expect(() => (0, member_rules_1.assertOwnerRemains)('owner', 'admin', 1)).toThrow(/at least one owner/);
        expect(() => (0, member_rules_1.assertOwnerRemains)('owner', null, 1)).toThrow(/at least one owner/);
    });
    it('allows it when another owner remains, and any change of non-owners', () => {
        expect(() => (0, member_rules_1.assertOwnerRemains)('owner', 'viewer', 2)).not.toThrow();
        expect(() => (0, member_rules_1.assertOwnerRemains)('admin', null, 1)).not.toThrow();
        expect(() => (0, member_rules_1.assertOwnerRemains)('owner', 'owner', 1)).not.toThrow();
    });
});
//# sourceMappingURL=member-rules.spec.js.map