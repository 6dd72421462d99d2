"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CurrentTenant = exports.CurrentPrincipal = exports.TenantFromParam = exports.Scopes = exports.Roles = exports.Public = exports.TENANT_PARAM = exports.REQUIRED_SCOPES = exports.REQUIRED_ROLES = exports.IS_PUBLIC = void 0;
const common_1 = require("@nestjs/common");
const nestjs_cls_1 = require("nestjs-cls");
const domain_error_1 = require("../domain/domain-error");
exports.IS_PUBLIC = 'tollgate:public';
exports.REQUIRED_ROLES = 'tollgate:roles';
exports.REQUIRED_SCOPES = 'tollgate:scopes';
exports.TENANT_PARAM = 'tollgate:tenant-param';
const Public = () => (0, common_1.SetMetadata)(exports.IS_PUBLIC, true);
exports.Public = Public;
const Roles = (...roles) => (0, common_1.SetMetadata)(exports.REQUIRED_ROLES, roles);
exports.Roles = Roles;
const Scopes = (...scopes) => (0, common_1.SetMetadata)(exports.REQUIRED_SCOPES, scopes);
exports.Scopes = Scopes;
const TenantFromParam = (param) => (0, common_1.SetMetadata)(exports.TENANT_PARAM, param);
exports.TenantFromParam = TenantFromParam;
const store = () => nestjs_cls_1.ClsServiceManager.getClsService();
exports.CurrentPrincipal = (0, common_1.createParamDecorator)((_, _ctx) => {
    const principal = store().get('principal');
    if (!principal)
        throw new domain_error_1.UnauthenticatedError();
    return principal;
});
exports.CurrentTenant = (0, common_1.createParamDecorator)((_, _ctx) => {
    const tenantId = store().get('tenantId');
    if (!tenantId)
        throw new domain_error_1.ForbiddenError('This route needs an organization: create one or send X-Organization-Id', 'organization_required');
    return tenantId;
});
//# sourceMappingURL=auth.decorators.js.map