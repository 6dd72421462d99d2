"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROBLEM_CONTENT_TYPE = void 0;
exports.toProblem = toProblem;
const common_1 = require("@nestjs/common");
const domain_error_1 = require("../domain/domain-error");
exports.PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://tollgate.dev/problems/';
const STATUS_BY_KIND = {
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
const TITLES = {
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
const codeForStatus = (status) => (TITLES[status] ?? common_1.HttpStatus[status] ?? 'error')
    .toString()
    .toLowerCase()
    .replace(/[^a-z]+/g, '_');
function toProblem(error, instance, requestId) {
    const headers = {};
    let status = 500;
    let code = 'internal_error';
    let detail = 'An unexpected error occurred. Quote the request id when reporting it.';
    let errors;
    const extensions = {};
    if (error instanceof domain_error_1.DomainError) {
        status = STATUS_BY_KIND[error.kind];
        code = error.code;
        detail = error.message;
        const { violations, retryAfterSeconds, ...rest } = error.details;
        errors = violations;
        if (retryAfterSeconds !== undefined)
            headers['retry-after'] = String(Math.max(1, Math.ceil(retryAfterSeconds)));
        Object.assign(extensions, rest);
    }
    else if (error instanceof common_1.HttpException) {
        status = error.getStatus();
        code = codeForStatus(status);
        const body = error.getResponse();
        if (typeof body === 'string')
            detail = body;
        else {
            const { message, statusCode: _s, error: errorField, ...rest } = body;
            detail = Array.isArray(message) ? message.join('; ') : String(message ?? error.message);
            if (errorField && typeof errorField === 'object') {
                const down = Object.keys(errorField);
                if (down.length)
                    detail = `Not ready: ${down.join(', ')} down`;
                extensions.error = errorField;
            }
            const { status: _status, ...others } = rest;
            Object.assign(extensions, others);
        }
    }
    else if (isFrameworkError(error)) {
        status = error.statusCode;
        if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
            code = 'body_too_large';
            detail = 'The request body is larger than the server accepts';
        }
        else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
            code = 'unsupported_media_type';
            detail = 'Send the body as application/json';
        }
        else if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
            code = 'empty_json_body';
            detail = 'The body is empty but Content-Type says JSON';
        }
        else if (error.code?.startsWith('FST_ERR_CTP') || error instanceof SyntaxError) {
            code = 'malformed_json';
            detail = `The body is not valid JSON: ${error.message}`;
        }
        else {
            code = codeForStatus(status);
            detail = error.message ?? detail;
        }
    }
    const problem = {
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
function isFrameworkError(error) {
    const status = error?.statusCode;
    return typeof status === 'number' && status >= 400 && status < 500;
}
//# sourceMappingURL=problem-details.js.map