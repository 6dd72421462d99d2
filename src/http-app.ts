import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { AppModule, AppModuleOptions } from './app.module';
import { createValidationPipe } from './shared/http/validation';
import { installHttpHooks } from './modules/observability/http-metrics';
import { buildOpenApiDocument, setupSwagger } from './shared/http/swagger';
import { installDeclaredResponses } from './shared/http/declared-response';
import { installRequestDeadline } from './shared/http/request-deadline';
import { installInputGuards, useJsonBodyParser } from './shared/http/input-guards';
import { installSecurityHeaders } from './shared/http/security-headers';
import { installDirectRoutes } from './shared/http/direct-route';
import { PinoNestLogger } from './shared/logging/nest-logger';
import { ClsService, CLS_ID } from 'nestjs-cls';
import type { FastifyInstance } from 'fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { RequestContextStore } from './shared/context/request-context';

const CHAT_ROUTE_RE = /^\/(v1\/chat\/completions|api\/v1\/agents\/[^/]+\/chat)(\?|$)/;
const REQUEST_ID_RE = /^[A-Za-z0-9._:-]{1,128}$/;

// Made ids are UUID-shaped: a random per-process prefix and a counter in the last 12 hex digits. Unique
// across processes (92 random bits), and much cheaper than a random UUID per request.
const ID_PREFIX = randomUUID().slice(0, 24);
let idCounter = 0;
const nextRequestId = () =>
  ID_PREFIX + (idCounter = (idCounter + 1) % 0x1000000000000).toString(16).padStart(12, '0');

/** Accept a sane client X-Request-Id (so callers can correlate), otherwise make one. */
function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : nextRequestId();
}

/**
 * Enters the request context (nestjs-cls) for the whole Fastify lifecycle, so guards, pipes, filters,
 * repositories and logs all see the request id, principal and tenant. A hook is used instead of Nest
 * middleware, which costs several times more per request.
 */
function installRequestContext(fastify: FastifyInstance, cls: ClsService<RequestContextStore>): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const id = String(request.id);
    // A ready store object: cheaper than run() plus one set() per key, on every request.
    cls.runWith({ [CLS_ID]: id, requestId: id, ip: request.ip } as RequestContextStore, done);
  });
}

interface NestAppInternals {
  config: { getGlobalInterceptors(): object[]; getGlobalGuards(): object[] };
}

/**
 * nestjs-cls always registers a global interceptor and guard, plain-object no-ops when not mounted (we
 * enter the context in a Fastify hook instead). With them, GET /health took 3.6x the CPU per request on
 * Node 24 (median of 6 interleaved rounds, 183 vs 44 µs; Nest runs any interceptor through rxjs and binds
 * a new AsyncResource per call; docs/adr/0002), so they are removed before routes are built. Our own
 * enhancers are class instances and stay. Must run after NestFactory.create and before app.init().
 */
function dropClsNoopEnhancers(app: NestFastifyApplication): void {
  const config = (app as unknown as Partial<NestAppInternals>).config;
  // Internals may change in a future Nest: then skip the optimisation rather than fail to boot.
  if (typeof config?.getGlobalInterceptors !== 'function' || typeof config.getGlobalGuards !== 'function')
    return;
  for (const list of [config.getGlobalInterceptors(), config.getGlobalGuards()]) {
    for (let i = list.length - 1; i >= 0; i--) if (list[i].constructor === Object) list.splice(i, 1);
  }
}

/**
 * Builds the HTTP application exactly as production runs it; main.ts, tests and benches all use this,
 * so what is tested is what is served.
 */
export async function createHttpApp(
  options: AppModuleOptions & {
    logger: Logger;
    /** Extra Fastify hooks, added once the OpenAPI document is built (tests check every answer against it). */
    inspect?: (fastify: FastifyInstance, document: OpenAPIObject) => void;
  },
): Promise<NestFastifyApplication> {
  const { config, logger } = options;
  const adapter = new FastifyAdapter({
    // No Fastify logger: it builds a child logger per request; our onResponse hook writes the access line.
    logger: false,
    bodyLimit: config.bodyLimitBytes,
    genReqId: requestIdFor,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  } as ConstructorParameters<typeof FastifyAdapter>[0]);

  const nestLogger: LoggerService = new PinoNestLogger(logger);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: nestLogger,
    rawBody: true, // Stripe webhook signatures are computed over the exact bytes
    bufferLogs: false,
    abortOnError: false, // throw boot errors to the caller (main.ts prints them; tests see them)
  });
  dropClsNoopEnhancers(app);
  const directRoutes = installDirectRoutes(app);
  const fastify = app.getHttpAdapter().getInstance();
  installRequestContext(fastify, app.get(ClsService));
  installHttpHooks(fastify, logger);
  // Model calls have their own, longer deadlines (CHAT_UPSTREAM_TIMEOUT_MS, stream idle and total caps).
  installRequestDeadline(fastify, config.requestTimeoutMs, logger, (url) => CHAT_ROUTE_RE.test(url));
  useJsonBodyParser(app, { bodyLimit: config.bodyLimitBytes, maxDepth: config.bodyMaxDepth });
  installInputGuards(fastify);
  await installSecurityHeaders(app);

  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app, { serverUrl: config.publicBaseUrl });
  if (config.swaggerUi) setupSwagger(app, document);
  installDeclaredResponses(fastify, document);
  options.inspect?.(fastify, document);
  try {
    await app.init();
    directRoutes.verify();
    await fastify.ready();
  } catch (error) {
    // A refused start (Vault refuses the credentials, a bad service-account file...) releases the pools
    // and connections the modules already opened, so the caller's process can exit.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}
