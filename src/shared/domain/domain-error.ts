/**
 * Every failure the domain or application layer reports. `kind` decides the HTTP status in one place
 * (shared/http/problem-details.filter.ts); `code` is stable and machine-readable for API clients.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payment_required'
  | 'rate_limited'
  | 'unavailable'
  | 'upstream_failed'
  | 'upstream_timeout';

export interface FieldViolation {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details: {
      violations?: FieldViolation[];
      retryAfterSeconds?: number;
      [key: string]: unknown;
    } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id?: string) {
    super(
      'not_found',
      `${what.toLowerCase().replace(/\s+/g, '_')}_not_found`,
      id ? `${what} ${id} was not found` : `${what} was not found`,
    );
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details: DomainError['details'] = {}) {
    super('conflict', code, message, details);
  }
}

export class InvalidError extends DomainError {
  constructor(code: string, message: string, violations?: FieldViolation[]) {
    super('invalid', code, message, violations ? { violations } : {});
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this', code = 'forbidden') {
    super('forbidden', code, message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication is required', code = 'unauthenticated') {
    super('unauthenticated', code, message);
  }
}

export class RateLimitedError extends DomainError {
  constructor(message: string, retryAfterSeconds: number, code = 'rate_limited') {
    super('rate_limited', code, message, { retryAfterSeconds });
  }
}

export class PaymentRequiredError extends DomainError {
  constructor(message: string, code = 'payment_required') {
    super('payment_required', code, message);
  }
}
