"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PaymentRequiredError = exports.RateLimitedError = exports.UnauthenticatedError = exports.ForbiddenError = exports.InvalidError = exports.ConflictError = exports.NotFoundError = exports.DomainError = void 0;
class DomainError extends Error {
    kind;
    code;
    details;
    constructor(kind, code, message, details = {}) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.details = details;
        this.name = new.target.name;
    }
}
exports.DomainError = DomainError;
class NotFoundError extends DomainError {
    constructor(what, id) {
        super('not_found', `${what.toLowerCase().replace(/\s+/g, '_')}_not_found`, id ? `${what} ${id} was not found` : `${what} was not found`);
    }
}
exports.NotFoundError = NotFoundError;
class ConflictError extends DomainError {
    constructor(code, message, details = {}) {
        super('conflict', code, message, details);
    }
}
exports.ConflictError = ConflictError;
class InvalidError extends DomainError {
    constructor(code, message, violations) {
        super('invalid', code, message, violations ? { violations } : {});
    }
}
exports.InvalidError = InvalidError;
class ForbiddenError extends DomainError {
    constructor(message = 'You are not allowed to do this', code = 'forbidden') {
        super('forbidden', code, message);
    }
}
exports.ForbiddenError = ForbiddenError;
class UnauthenticatedError extends DomainError {
    constructor(message = 'Authentication is required', code = 'unauthenticated') {
        super('unauthenticated', code, message);
    }
}
exports.UnauthenticatedError = UnauthenticatedError;
class RateLimitedError extends DomainError {
    constructor(message, retryAfterSeconds, code = 'rate_limited') {
        super('rate_limited', code, message, { retryAfterSeconds });
    }
}
exports.RateLimitedError = RateLimitedError;
class PaymentRequiredError extends DomainError {
    constructor(message, code = 'payment_required') {
        super('payment_required', code, message);
    }
}
exports.PaymentRequiredError = PaymentRequiredError;
//# sourceMappingURL=domain-error.js.map