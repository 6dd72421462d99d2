"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PASSWORD_MAX_LENGTH = exports.PASSWORD_MIN_LENGTH = void 0;
exports.assertPasswordAllowed = assertPasswordAllowed;
const domain_error_1 = require("../../../shared/domain/domain-error");
exports.PASSWORD_MIN_LENGTH = 10;
exports.PASSWORD_MAX_LENGTH = 256;
function assertPasswordAllowed(password, email) {
    const fail = (message) => new domain_error_1.InvalidError('weak_password', message, [{ field: 'password', message }]);
    if (password.length < exports.PASSWORD_MIN_LENGTH) {
        throw fail(`password must be at least ${exports.PASSWORD_MIN_LENGTH} characters long`);
    }
    if (password.length > exports.PASSWORD_MAX_LENGTH) {
        throw fail(`password must be at most ${exports.PASSWORD_MAX_LENGTH} characters long`);
    }
    const lowered = password.trim().toLowerCase();
    const mail = email.trim().toLowerCase();
    if (lowered === mail || lowered === mail.split('@')[0])
        throw fail('password must not be your email address');
}
//# sourceMappingURL=password-policy.js.map