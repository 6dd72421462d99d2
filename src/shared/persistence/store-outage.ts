import { DomainError } from '../domain/domain-error';

/** Seconds a client is asked to wait before retrying a request refused during a store outage. */
export const OUTAGE_RETRY_AFTER_SECONDS = 2;

const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs that say "the database cannot serve this now" rather than "this statement is wrong":
 * class 08 (connection), 53 (insufficient resources), 57 (operator intervention: statement timeout,
 * shutdown, starting up) and 25P03 (idle-in-transaction timeout).
 */
const SQLSTATE_RE = /^(08|53|57)[0-9A-Z]{3}$|^25P03$/;

const MESSAGES = [
  // pg
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'is not queryable',
  // ioredis
  'Connection is closed',
  'Command timed out',
  "Stream isn't writeable",
  'Reached the max retries per request limit',
  'LOADING ',
  'MASTERDOWN',
];

/**
 * True when `error` means Postgres or Redis could not be reached or did not answer in time (as opposed to
 * a bug or a bad statement). Such failures are answered 503 with Retry-After and make durable writers
 * fall back to another store. The drivers' errors are recognised by shape, so no driver is imported.
 */
export function isStoreOutage(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    if (e instanceof DomainError) return false;
    const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATE_RE.test(code))) return true;
    if (name === 'MaxRetriesPerRequestError') return true;
    if (typeof message === 'string' && MESSAGES.some((m) => message.includes(m))) return true;
    // TypeORM wraps the driver's error; AggregateError (happy eyeballs) holds the socket errors.
    const inner = e as { driverError?: unknown; cause?: unknown; errors?: unknown[] };
    e = inner.driverError ?? inner.cause ?? inner.errors?.[0];
  }
  return false;
}
