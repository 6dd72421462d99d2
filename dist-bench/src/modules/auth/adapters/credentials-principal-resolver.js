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
exports.CredentialsPrincipalResolver = void 0;
const common_1 = require("@nestjs/common");
const principal_resolver_port_1 = require("../../../shared/http/principal-resolver.port");
const permissions_1 = require("../../../shared/context/permissions");
const domain_error_1 = require("../../../shared/domain/domain-error");
const tenant_id_1 = require("../../../shared/domain/tenant-id");
const membership_directory_1 = require("../../tenancy/application/membership-directory");
const api_key_token_1 = require("../domain/api-key-token");
const api_keys_use_cases_1 = require("../application/api-keys.use-cases");
const token_service_1 = require("../application/token-service");
const noSuchOrganization = () => new domain_error_1.NotFoundError('Organization');
let CredentialsPrincipalResolver = class CredentialsPrincipalResolver extends principal_resolver_port_1.PrincipalResolver {
    tokens;
    apiKeys;
    directory;
    constructor(tokens, apiKeys, directory) {
        super();
        this.tokens = tokens;
        this.apiKeys = apiKeys;
        this.directory = directory;
    }
    async resolve(request, opts = {}) {
        const headerKey = request.headers['x-api-key'];
        const authorization = request.headers.authorization;
        const header = request.headers['x-organization-id'];
        const requested = opts.organizationId ?? (typeof header === 'string' && header ? header : undefined);
        if (typeof headerKey === 'string' && headerKey)
            return this.fromApiKey(headerKey, requested);
        if (!authorization)
            return null;
        const space = authorization.indexOf(' ');
        const scheme = space > 0 ? authorization.slice(0, space) : '';
        const credential = authorization.slice(space + 1).trim();
        if (scheme.toLowerCase() !== 'bearer' || !credential) {
            throw new domain_error_1.UnauthenticatedError('Use "Authorization: Bearer <token or API key>"', 'invalid_authorization');
        }
        if ((0, api_key_token_1.looksLikeApiKey)(credential))
            return this.fromApiKey(credential, requested);
        const claims = await this.tokens.verify(credential);
        return claims.typ === 'user' ? this.fromUser(claims, requested) : this.fromService(claims, requested);
    }
    async fromApiKey(raw, requested) {
        const key = await this.apiKeys.authenticate(raw);
        if (requested && requested !== key.tenantId)
            throw noSuchOrganization();
        return { kind: 'api_key', id: key.id, tenantId: key.tenantId, scopes: key.scopes };
    }
    async fromUser(claims, requested) {
        const memberships = await this.directory.forUser(claims.sub);
        const chosen = requested
            ? memberships.find((m) => m.tenantId === requested)
            : memberships.length === 1
                ? memberships[0]
                : undefined;
        if (requested && !chosen)
            throw noSuchOrganization();
        return {
            kind: 'user',
            id: claims.sub,
            tenantId: chosen?.tenantId ?? null,
            role: chosen?.role,
            scopes: chosen ? permissions_1.ROLE_SCOPES[chosen.role] : [],
            sessionId: typeof claims.sid === 'string' ? claims.sid : undefined,
        };
    }
    fromService(claims, requested) {
        const c = claims;
        let tenantId = c.tid ? (0, tenant_id_1.asTenantId)(c.tid) : null;
        if (requested) {
            const allowed = c.tid
                ? c.tid === requested
                : c.ten === '*' || (Array.isArray(c.ten) && c.ten.includes(requested));
            if (!allowed)
                throw noSuchOrganization();
            tenantId = (0, tenant_id_1.asTenantId)(requested);
        }
        return {
            kind: 'service_account',
            id: claims.sub.replace(/^sa:/, ''),
            tenantId,
            scopes: typeof c.scope === 'string' ? c.scope.split(' ').filter(Boolean) : [],
        };
    }
};
exports.CredentialsPrincipalResolver = CredentialsPrincipalResolver;
exports.CredentialsPrincipalResolver = CredentialsPrincipalResolver = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [token_service_1.TokenService,
        api_keys_use_cases_1.ApiKeyAuthenticator,
        membership_directory_1.MembershipDirectory])
], CredentialsPrincipalResolver);
//# sourceMappingURL=credentials-principal-resolver.js.map