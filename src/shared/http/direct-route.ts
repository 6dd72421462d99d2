import { Logger, RequestMethod, SetMetadata } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { AuthGuard, RouteAuth } from './auth.guard';
import { sendProblem } from './problem-details.filter';

const DIRECT_ROUTE = 'tollgate:direct-route';

/**
 * The handler is called by Fastify itself, without Nest's per-request pipeline (execution context, guard
 * consumer, pipes, interceptors, exception zone, each a few promises and closures): for the hottest route,
 * where that pipeline cost more than the route's own limits and metering. The route keeps its path, its
 * OpenAPI document and every Fastify hook (request context, metrics and access log, security headers,
 * input guards); the caller is checked by the same AuthGuard (@Public, @Roles, @Scopes), and errors become
 * problem+json through the same sendProblem. So the handler must take `(request, reply)`, send the answer
 * itself, and read its inputs itself (currentTenant(), currentPrincipal(), a JsonSchemaPipe): Nest's
 * pipes, interceptors and parameter decorators do not run.
 */
export const DirectRoute = (): MethodDecorator => SetMetadata(DIRECT_ROUTE, true);

type DirectHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

interface Direct {
  name: string;
  handler: DirectHandler;
  auth: RouteAuth;
  installed: boolean;
}

const joinPath = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');

/** Every @DirectRoute() handler of the application, by "METHOD /path" as Nest registers it. */
function findDirectRoutes(app: NestFastifyApplication, guard: AuthGuard): Map<string, Direct> {
  const scanner = app.get(MetadataScanner);
  const routes = new Map<string, Direct>();
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    const controller = wrapper.metatype as (abstract new () => unknown) | null;
    if (!instance || !controller) continue;
    const prototype = Object.getPrototypeOf(instance) as Record<string, DirectHandler>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const method = prototype[name];
      if (!Reflect.getMetadata(DIRECT_ROUTE, method)) continue;
      const path = joinPath(
        ...[].concat(Reflect.getMetadata(PATH_METADATA, controller) ?? []),
        ...[].concat(Reflect.getMetadata(PATH_METADATA, method) ?? []),
      );
      const verb = RequestMethod[Reflect.getMetadata(METHOD_METADATA, method) as RequestMethod];
      routes.set(`${verb} ${path}`, {
        name: `${controller.name}.${name}`,
        handler: method.bind(instance),
        auth: guard.routeAuth(method, controller),
        installed: false,
      });
    }
  }
  return routes;
}

/**
 * Serves @DirectRoute() handlers straight from Fastify: as Nest registers such a route, its Fastify handler
 * is replaced. Must run before app.init() (when Nest registers its routes); `verify` after it, so a route
 * that was never matched fails the start instead of quietly going through Nest's pipeline.
 */
export function installDirectRoutes(app: NestFastifyApplication): { verify(): void } {
  const guard = app.get(AuthGuard);
  const routes = findDirectRoutes(app, guard);
  const logger = new Logger('Errors');
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (options: RouteOptions) => {
      const direct = routes.get(`${String(options.method)} ${options.url}`);
      if (!direct) return;
      direct.installed = true;
      // Not async: Fastify would treat a promise resolving to undefined as a forgotten answer.
      options.handler = (request, reply) => {
        void (async () => {
          await guard.authorize(direct.auth, request);
          await direct.handler(request, reply);
        })().catch((error: unknown) => sendProblem(error, request, reply, logger));
      };
    });
  return {
    verify() {
      const missing = [...routes.values()].filter((r) => !r.installed).map((r) => r.name);
      if (missing.length) throw new Error(`@DirectRoute() handlers not registered: ${missing.join(', ')}`);
    },
  };
}
