import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ClsService } from 'nestjs-cls';
import type { FastifyRequest } from 'fastify';
import { IS_PUBLIC, REQUIRED_ROLES, REQUIRED_SCOPES, TENANT_PARAM } from './auth.decorators';
import { PrincipalResolver } from './principal-resolver.port';
import { RequestContextStore } from '../context/request-context';
import { Role } from '../context/principal';
import { roleHasScopes } from '../context/permissions';
import { ForbiddenError, UnauthenticatedError } from '../domain/domain-error';

/** What a route asks of its caller, from its decorators. */
export interface RouteAuth {
  isPublic: boolean;
  tenantParam?: string;
  roles: Role[];
  scopes: string[];
}

/**
 * Global guard: every route is authenticated unless @Public(). Puts principal and tenant in the request
 * context. @Roles restricts users by role (other principals are refused); @Scopes applies to everyone.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly resolver: PrincipalResolver,
    private readonly cls: ClsService<RequestContextStore>,
  ) {}

  /** Route metadata, read once per handler: reflection on every request is measurable on hot routes. */
  // Keyed by controller class, then handler: an inherited handler may carry different class metadata.
  private readonly metadata = new WeakMap<object, Map<object, RouteAuth>>();

  /** What the route asks of its caller: @Public, @TenantFromParam, @Roles and @Scopes of handler and class. */
  routeAuth(handler: object, controller: object): RouteAuth {
    let byHandler = this.metadata.get(controller);
    if (!byHandler) this.metadata.set(controller, (byHandler = new Map()));
    let meta = byHandler.get(handler);
    if (!meta) {
      const targets = [handler, controller] as Array<() => void>;
      meta = {
        isPublic: !!this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets),
        tenantParam: this.reflector.getAllAndOverride<string | undefined>(TENANT_PARAM, targets),
        roles: this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets) ?? [],
        scopes: this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_SCOPES, targets) ?? [],
      };
      byHandler.set(handler, meta);
    }
    return meta;
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const route = this.routeAuth(context.getHandler(), context.getClass());
    return this.authorize(route, context.switchToHttp().getRequest<FastifyRequest>());
  }

  /**
   * Resolves the caller, puts it in the request context and checks it against the route; throws the 401
   * or 403. Also called directly for routes Fastify serves without Nest's pipeline (see direct-route.ts).
   */
  authorize(route: RouteAuth, request: FastifyRequest): boolean | Promise<boolean> {
    // Public route called without credentials (health checks, webhooks): nothing to resolve.
    if (route.isPublic && !request.headers.authorization && !request.headers['x-api-key']) return true;
    return this.authenticate(route, request);
  }

  private async authenticate(route: RouteAuth, request: FastifyRequest): Promise<boolean> {
    const { isPublic, tenantParam, roles, scopes } = route;
    const organizationId = tenantParam
      ? (request.params as Record<string, string | undefined>)[tenantParam]
      : undefined;
    const principal = await this.resolver.resolve(request, { organizationId }).catch((e: unknown) => {
      if (isPublic) return null; // bad credentials on a public route are ignored, not fatal
      throw e;
    });
    if (principal) {
      this.cls.set('principal', principal);
      if (principal.tenantId) {
        this.cls.set('tenantId', principal.tenantId);
        (request.raw as { tenantId?: string }).tenantId = principal.tenantId;
      }
    }
    if (isPublic) return true;
    if (!principal) throw new UnauthenticatedError('Send a bearer token or an API key');

    if ((roles.length || scopes.length) && principal.kind === 'user' && !principal.tenantId) {
      // A user's roles live in an organization: without one selected there is nothing to check against.
      throw new ForbiddenError(
        'This route needs an organization: create one or send X-Organization-Id',
        'organization_required',
      );
    }
    if (roles.length) {
      if (principal.kind !== 'user' || !principal.role || !roles.includes(principal.role)) {
        throw new ForbiddenError(`This needs one of the roles: ${roles.join(', ')}`);
      }
    }
    if (scopes.length) {
      const allowed =
        principal.kind === 'user'
          ? !!principal.role && roleHasScopes(principal.role, scopes)
          : scopes.every((s) => principal.scopes.includes(s));
      if (!allowed) throw new ForbiddenError(`This needs the scope(s): ${scopes.join(', ')}`);
    }
    return true;
  }
}
