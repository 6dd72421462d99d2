import pino, { DestinationStream, Logger } from 'pino';
import { ClsServiceManager } from 'nestjs-cls';
import { RequestContextStore } from '../context/request-context';

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
