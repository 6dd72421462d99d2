"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const password_policy_1 = require("./password-policy");
describe('password policy', () => {
    it('needs at least 10 characters', () => {
        expect(() => (0, password_policy_1.assertPasswordAllowed)('short-pw1', 'a@b.test')).toThrow(/at least 10/);
        expect(() => (0, password_policy_1.assertPasswordAllowed)('long-enough-pw', 'a@b.test')).not.toThrow();
    });
    it('refuses the email or its local part in any case', () => {
        expect(() => (0, password_policy_1.assertPasswordAllowed)('Jane.Doe@Example.test', 'jane.doe@example.test')).toThrow(/email/);
        expect(() => (0, password_policy_1.assertPasswordAllowed)('JANE.DOE.LONG', 'jane.doe.long@example.test')).toThrow(/email/);
    });
});
//# sourceMappingURL=password-policy.spec.js.map