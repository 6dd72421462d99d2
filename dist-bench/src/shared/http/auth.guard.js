"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuthGuard = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const nestjs_cls_1 = require("nestjs-cls");
const auth_decorators_1 = require("./auth.decorators");
const principal_resolver_port_1 = require("./principal-resolver.port");
const permissions_1 = require("../context/permissions");
const domain_error_1 = require("../domain/domain-error");
let AuthGuard = class AuthGuard {
    reflector;
    resolver;
    cls;
    constructor(reflector, resolver, cls) {
        this.reflector = reflector;
        this.resolver = resolver;
        this.cls = cls;
    }
    metadata = new WeakMap();
    routeAuth(context) {
        const handler = context.getHandler();
        const controller = context.getClass();
        let byHandler = this.metadata.get(controller);
        if (!byHandler)
            this.metadata.set(controller, (byHandler = new Map()));
        let meta = byHandler.get(handler);
        if (!meta) {
            const targets = [handler, controller];
            meta = {
                isPublic: !!this.reflector.getAllAndOverride(auth_decorators_1.IS_PUBLIC, targets),
                tenantParam: this.reflector.getAllAndOverride(auth_decorators_1.TENANT_PARAM, targets),
                roles: this.reflector.getAllAndOverride(auth_decorators_1.REQUIRED_ROLES, targets) ?? [],
                scopes: this.reflector.getAllAndOverride(auth_decorators_1.REQUIRED_SCOPES, targets) ?? [],
            };
            byHandler.set(handler, meta);
        }
        return meta;
    }
    canActivate(context) {
        if (context.getType() !== 'http')
            return true;
        const route = this.routeAuth(context);
        const request = context.switchToHttp().getRequest();
        if (route.isPublic && !request.headers.authorization && !request.headers['x-api-key'])
            return true;
        return this.authenticate(route, request);
    }
    async authenticate(route, request) {
        const { isPublic, tenantParam, roles, scopes } = route;
        const organizationId = tenantParam
            ? request.params[tenantParam]
            : undefined;
        const principal = await this.resolver.resolve(request, { organizationId }).catch((e) => {
            if (isPublic)
                return null;
            throw e;
        });
        if (principal) {
            this.cls.set('principal', principal);
            if (principal.tenantId) {
                this.cls.set('tenantId', principal.tenantId);
                request.raw.tenantId = principal.tenantId;
            }
        }
        if (isPublic)
            return true;
        if (!principal)
            throw new domain_error_1.UnauthenticatedError('Send a bearer token or an API key');
        if ((roles.length || scopes.length) && principal.kind === 'user' && !principal.tenantId) {
            throw new domain_error_1.ForbiddenError('This route needs an organization: create one or send X-Organization-Id', 'organization_required');
        }
        if (roles.length) {
            if (principal.kind !== 'user' || !principal.role || !roles.includes(principal.role)) {
                throw new domain_error_1.ForbiddenError(`This needs one of the roles: ${roles.join(', ')}`);
            }
        }
        if (scopes.length) {
            const allowed = principal.kind === 'user'
                ? !!principal.role && (0, permissions_1.roleHasScopes)(principal.role, scopes)
                : scopes.every((s) => principal.scopes.includes(s));
            if (!allowed)
                throw new domain_error_1.ForbiddenError(`This needs the scope(s): ${scopes.join(', ')}`);
        }
        return true;
    }
};
exports.AuthGuard = AuthGuard;
exports.AuthGuard = AuthGuard = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [core_1.Reflector,
        principal_resolver_port_1.PrincipalResolver,
        nestjs_cls_1.ClsService])
], AuthGuard);
//# sourceMappingURL=auth.guard.js.map