import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Fastify from 'fastify';

/** helmet's options: a CSP Swagger UI works under, no upgrade to https (so it also works on http://localhost). */
const HELMET_OPTIONS = { contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } };

/**
 * The headers helmet sets with these options, produced once by helmet itself (one request on a throwaway
 * Fastify instance). @fastify/helmet rebuilds the helmet middleware on every request, parsing the CSP
 * directives each time (~3% of the chat route's CPU); the headers never vary here (no nonces, no
 * per-route helmet options), so they are computed at start.
 */
export async function helmetHeaders(): Promise<Array<[string, string]>> {
  const probe = Fastify();
  await probe.register(helmet as never, HELMET_OPTIONS);
  let headers: Array<[string, string]> = [];
  // Registered after helmet's own onRequest hooks: the raw response then holds exactly helmet's headers.
  probe.addHook('onRequest', (_request, reply, done) => {
    headers = Object.entries(reply.raw.getHeaders()).map(([name, value]) => [name, String(value)]);
    done();
  });
  probe.get('/', (_request, reply) => reply.send(''));
  await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  if (!headers.length) throw new Error('helmet set no headers');
  return headers;
}

/**
 * helmet's headers on every answer (CSP, HSTS, nosniff, frame options...), set before the handler as
 * helmet does, so a route can still replace one and event streams (hijacked replies) carry them too.
 * Answers are `Cache-Control: no-store` unless a route says otherwise: tokens, keys and tenant data must
 * not sit in a shared or browser cache.
 */
export async function installSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  const headers = await helmetHeaders();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (_request, reply, done) => {
    for (let i = 0; i < headers.length; i++) reply.header(headers[i][0], headers[i][1]);
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}
