import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ClsServiceManager } from 'nestjs-cls';
import { Role } from '../context/principal';
import { RequestContextStore } from '../context/request-context';
import { UnauthenticatedError, ForbiddenError } from '../domain/domain-error';

export const IS_PUBLIC = 'tollgate:public';
export const REQUIRED_ROLES = 'tollgate:roles';
export const REQUIRED_SCOPES = 'tollgate:scopes';
export const TENANT_PARAM = 'tollgate:tenant-param';

/** The route needs no authentication. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Users must hold one of these roles in the selected organization. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
/** The caller needs every one of these scopes (users get them through their role's permission table). */
export const Scopes = (...scopes: string[]) => SetMetadata(REQUIRED_SCOPES, scopes);

/**
 * The organization this route acts on is the route parameter `param` (e.g. /organizations/:id), not
 * X-Organization-Id. A caller who is not a member of it gets 404, exactly like a missing organization.
 */
export const TenantFromParam = (param: string) => SetMetadata(TENANT_PARAM, param);

const store = () => ClsServiceManager.getClsService<RequestContextStore>();

/** The authenticated principal; 401 if none. */
export const CurrentPrincipal = createParamDecorator((_: unknown, _ctx: ExecutionContext) => {
  const principal = store().get('principal');
  if (!principal) throw new UnauthenticatedError();
  return principal;
});

/** The tenant the request acts in; 403 if the principal has none selected. */
export const CurrentTenant = createParamDecorator((_: unknown, _ctx: ExecutionContext) => {
  const tenantId = store().get('tenantId');
  if (!tenantId)
    throw new ForbiddenError(
      'This route needs an organization: create one or send X-Organization-Id',
      'organization_required',
    );
  return tenantId;
});
