import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * helmet's headers on every answer (CSP, HSTS, nosniff, frame options...), with a CSP Swagger UI works
 * under (its scripts are files, not inline; no upgrade to https, so it also works on http://localhost).
 * Answers are `Cache-Control: no-store` unless a route says otherwise: tokens, keys and tenant data must
 * not sit in a shared or browser cache.
 */
export async function installSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet as never, {
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (_request, reply, payload, done) => {
      if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
      done(null, payload);
    });
}
