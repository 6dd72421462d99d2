import pino, { DestinationStream, Logger } from 'pino';
import { ClsServiceManager } from 'nestjs-cls';
import { RequestContextStore } from '../context/request-context';

/**
 * Database error messages quote the offending value (`invalid input syntax for type uuid: "..."`), and
 * their `detail` names key values (`Key (email)=(...)`): quoted parts are dropped before logging.
 */
export const scrubbedDbMessage = (message: string | undefined): string | undefined =>
  message?.replace(/"[^"]*"/g, '"…"').replace(/=\(.*\)/g, '=(…)');

/**
 * Errors are logged with their type, message, code and stack, never the fields libraries attach to them
 * (a failed query's `parameters` and `driverError.detail` carry the values that were sent).
 */
const isQueryError = (e: Error): boolean => e.name === 'QueryFailedError' || 'driverError' in e;

function errorSerializer(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const e = err as Error & { code?: unknown; query?: unknown; driverError?: unknown };
  const queryError = isQueryError(e);
  return {
    type: e.name,
    message: queryError ? scrubbedDbMessage(e.message) : e.message,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(queryError && typeof e.query === 'string' ? { query: e.query.slice(0, 500) } : {}),
    stack: queryError ? undefined : e.stack,
  };
}

/**
 * One pino logger for the process. Every line logged inside a request or job carries its request id and
 * tenant (read from the context); credentials are redacted wherever they appear.
 */
export function createRootLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'tollgate' },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: errorSerializer, error: errorSerializer },
      hooks: {
        // pino uses err.message as the line's message when none is given; a query error's quotes a value.
        logMethod(args: unknown[], method) {
          const err = (args[0] as { err?: unknown } | null)?.err;
          if (err instanceof Error && isQueryError(err) && typeof args[1] !== 'string')
            return method.apply(this, [args[0], scrubbedDbMessage(err.message)] as never);
          return method.apply(this, args as never);
        },
      },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["x-api-key"]',
          'req.headers.cookie',
          '*.password',
          '*.refreshToken',
          '*.accessToken',
          '*.secret',
          '*.apiKey',
          '*.key',
        ],
        censor: '[redacted]',
      },
      mixin() {
        const cls = ClsServiceManager.getClsService<RequestContextStore>();
        if (!cls.isActive()) return {};
        return { requestId: cls.get('requestId'), tenantId: cls.get('tenantId') };
      },
    },
    destination ?? pino.destination({ sync: false }),
  );
}
