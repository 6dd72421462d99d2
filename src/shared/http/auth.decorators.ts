import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiParam } from '@nestjs/swagger';
import { ClsServiceManager } from 'nestjs-cls';
import { Principal, Role } from '../context/principal';
import { TenantId } from '../domain/tenant-id';
import { RequestContextStore } from '../context/request-context';
import { UnauthenticatedError, ForbiddenError } from '../domain/domain-error';
import { markMethod, OPENAPI_MARKERS } from './openapi.decorators';

export const IS_PUBLIC = 'tollgate:public';
export const REQUIRED_ROLES = 'tollgate:roles';
export const REQUIRED_SCOPES = 'tollgate:scopes';
export const TENANT_PARAM = 'tollgate:tenant-param';

/** The route needs no authentication. */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(OPENAPI_MARKERS.public, true));
/** Users must hold one of these roles in the selected organization. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(REQUIRED_ROLES, roles), ApiExtension(OPENAPI_MARKERS.access, true));
/** The caller needs every one of these scopes (users get them through their role's permission table). */
export const Scopes = (...scopes: string[]) =>
  applyDecorators(SetMetadata(REQUIRED_SCOPES, scopes), ApiExtension(OPENAPI_MARKERS.access, true));

/**
 * The organization this route acts on is the route parameter `param` (e.g. /organizations/:id), not
 * X-Organization-Id. A caller who is not a member of it gets 404, exactly like a missing organization.
 */
export const TenantFromParam = (param: string) =>
  applyDecorators(
    SetMetadata(TENANT_PARAM, param),
    ApiExtension(OPENAPI_MARKERS.tenantFromPath, true),
    ApiParam({ name: param, format: 'uuid', description: 'Organization id' }),
  );

const store = () => ClsServiceManager.getClsService<RequestContextStore>();

/** The authenticated principal; 401 if none. */
export function currentPrincipal(): Principal {
  const principal = store().get('principal');
  if (!principal) throw new UnauthenticatedError();
  return principal;
}

/** The authenticated principal as a handler parameter. */
export const CurrentPrincipal = createParamDecorator((_: unknown, _ctx: ExecutionContext) =>
  currentPrincipal(),
);

/**
 * The tenant the request acts in; 403 if the principal has none selected. The route's document then
 * declares the X-Organization-Id header (unless the organization comes from the path).
 */
export const CurrentTenant = createParamDecorator(
  (_: unknown, _ctx: ExecutionContext) => currentTenant(),
  [markMethod(ApiExtension(OPENAPI_MARKERS.tenant, true))],
);

/** The tenant the request acts in; 403 if the principal has none selected. */
export function currentTenant(): TenantId {
  const tenantId = store().get('tenantId');
  if (!tenantId)
    throw new ForbiddenError(
      'This route needs an organization: create one or send X-Organization-Id',
      'organization_required',
    );
  return tenantId;
}

/**
 * For a handler that reads the tenant with currentTenant() instead of a @CurrentTenant() parameter (a hot
 * route: Nest runs every pipeable parameter through the global pipes): its document still declares the
 * organization it acts in.
 */
export const ActsInTenant = () => ApiExtension(OPENAPI_MARKERS.tenant, true);
