"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LoginThrottle = exports.ApiKeyRepository = exports.SigningKeyRepository = exports.RefreshTokenRepository = exports.UserRepository = void 0;
class UserRepository {
}
exports.UserRepository = UserRepository;
class RefreshTokenRepository {
}
exports.RefreshTokenRepository = RefreshTokenRepository;
class SigningKeyRepository {
}
exports.SigningKeyRepository = SigningKeyRepository;
class ApiKeyRepository {
}
exports.ApiKeyRepository = ApiKeyRepository;
class LoginThrottle {
}
exports.LoginThrottle = LoginThrottle;
//# sourceMappingURL=auth.ports.js.map