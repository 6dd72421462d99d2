import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { AppModule, AppModuleOptions } from './app.module';
import { createValidationPipe } from './shared/http/validation';
import { installHttpHooks } from './modules/observability/http-metrics';
import { setupSwagger } from './shared/http/swagger';
import { PinoNestLogger } from './shared/logging/nest-logger';

const REQUEST_ID_RE = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accept a sane client X-Request-Id (so callers can correlate), otherwise make one. */
function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : randomUUID();
  (req as IncomingMessage & { requestId?: string }).requestId = id;
  return id;
}

/**
 * Builds the HTTP application exactly as production runs it; main.ts, tests and benches all use this,
 * so what is tested is what is served.
 */
export async function createHttpApp(
  options: AppModuleOptions & { logger: Logger },
): Promise<NestFastifyApplication> {
  const { config, logger } = options;
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    disableRequestLogging: true, // our onResponse hook writes one access line with tenant and route
    bodyLimit: config.bodyLimitBytes,
    genReqId: requestIdFor,
    trustProxy: true,
    routerOptions: { ignoreTrailingSlash: true },
  } as ConstructorParameters<typeof FastifyAdapter>[0]);

  const nestLogger: LoggerService = new PinoNestLogger(logger);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: nestLogger,
    rawBody: true, // Stripe webhook signatures are computed over the exact bytes
    bufferLogs: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  installHttpHooks(fastify, logger);

  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  setupSwagger(app);
  await app.init();
  await fastify.ready();
  return app;
}
