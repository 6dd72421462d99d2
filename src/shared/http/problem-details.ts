import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, DomainErrorKind, FieldViolation } from '../domain/domain-error';
import { isStoreOutage, OUTAGE_RETRY_AFTER_SECONDS } from '../persistence/store-outage';

/** RFC 9457 problem details, the one error body of the API. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId?: string;
  errors?: FieldViolation[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://tollgate.dev/problems/';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  payment_required: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  upstream_failed: 502,
  unavailable: 503,
  upstream_timeout: 504,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const codeForStatus = (status: number): string =>
  (TITLES[status] ?? HttpStatus[status] ?? 'error')
    .toString()
    .toLowerCase()
    .replace(/[^a-z]+/g, '_');

export interface ProblemWithHeaders {
  problem: ProblemDetails;
  headers: Record<string, string>;
}

/** Fastify's own errors (body parsing, size limit, media type) carry `statusCode` and a `code` like FST_ERR_*. */
interface FrameworkError {
  statusCode?: number;
  code?: string;
  message?: string;
  validation?: unknown;
}

/**
 * Turns anything thrown into problem+json. Unknown errors become a 500 whose detail hides internals;
 * the caller logs the original.
 */
export function toProblem(error: unknown, instance: string, requestId?: string): ProblemWithHeaders {
  const headers: Record<string, string> = {};
  let status = 500;
  let code = 'internal_error';
  let detail = 'An unexpected error occurred. Quote the request id when reporting it.';
  let errors: FieldViolation[] | undefined;
  const extensions: Record<string, unknown> = {};

  if (error instanceof DomainError) {
    status = STATUS_BY_KIND[error.kind];
    code = error.code;
    detail = error.message;
    const { violations, retryAfterSeconds, ...rest } = error.details;
    errors = violations;
    if (retryAfterSeconds !== undefined)
      headers['retry-after'] = String(Math.max(1, Math.ceil(retryAfterSeconds)));
    Object.assign(extensions, rest);
  } else if (error instanceof HttpException) {
    status = error.getStatus();
    code = codeForStatus(status);
    const body = error.getResponse();
    if (typeof body === 'string') detail = body;
    else {
      const { message, statusCode: _s, error: errorField, ...rest } = body as Record<string, unknown>;
      detail = Array.isArray(message) ? message.join('; ') : String(message ?? error.message);
      // Terminus' readiness body ({ status, info, error, details }) names what is down; keep it.
      if (errorField && typeof errorField === 'object') {
        const down = Object.keys(errorField);
        if (down.length) detail = `Not ready: ${down.join(', ')} down`;
        extensions.error = errorField;
      }
      const { status: _status, ...others } = rest;
      Object.assign(extensions, others);
    }
  } else if ((error as FrameworkError | null)?.code === 'FST_ERR_HANDLER_TIMEOUT') {
    // REQUEST_TIMEOUT_MS passed without an answer (usually a store that is too slow): retryable.
    status = 503;
    code = 'request_timeout';
    detail = 'The request took longer than the server allows; retry after the indicated delay';
    headers['retry-after'] = String(OUTAGE_RETRY_AFTER_SECONDS);
  } else if (isStoreOutage(error)) {
    // Postgres or Redis unreachable or too slow: a retry soon will likely succeed, unlike a 500.
    status = 503;
    code = 'store_unavailable';
    detail = 'A data store this request needs is unavailable; retry after the indicated delay';
    headers['retry-after'] = String(OUTAGE_RETRY_AFTER_SECONDS);
  } else if (isFrameworkError(error)) {
    status = error.statusCode!;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      code = 'body_too_large';
      detail = 'The request body is larger than the server accepts';
    } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      code = 'unsupported_media_type';
      detail = 'Send the body as application/json';
    } else if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      code = 'empty_json_body';
      detail = 'The body is empty but Content-Type says JSON';
    } else if (error.code?.startsWith('FST_ERR_CTP') || error instanceof SyntaxError) {
      code = 'malformed_json';
      detail = `The body is not valid JSON: ${error.message}`;
    } else {
      code = codeForStatus(status);
      detail = error.message ?? detail;
    }
  }

  // Extensions first: they may never overwrite the standard members.
  const problem: ProblemDetails = {
    ...extensions,
    type: status === 500 ? 'about:blank' : `${TYPE_BASE}${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    instance,
    code,
    ...(requestId ? { requestId } : {}),
    ...(errors ? { errors } : {}),
  };
  return { problem, headers };
}

function isFrameworkError(error: unknown): error is FrameworkError {
  const status = (error as FrameworkError | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}
