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
exports.IssueServiceToken = exports.ServiceAccountCatalog = void 0;
const common_1 = require("@nestjs/common");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const yaml_1 = require("yaml");
const app_config_1 = require("../../../config/app-config");
const domain_error_1 = require("../../../shared/domain/domain-error");
const tenant_id_1 = require("../../../shared/domain/tenant-id");
const audit_trail_1 = require("../../tenancy/application/audit-trail");
const organizations_use_cases_1 = require("../../tenancy/application/organizations.use-cases");
const service_account_1 = require("../domain/service-account");
const password_hasher_1 = require("./password-hasher");
const token_service_1 = require("./token-service");
let ServiceAccountCatalog = class ServiceAccountCatalog {
    config;
    logger = new common_1.Logger('ServiceAccounts');
    byClientId = new Map();
    byName = new Map();
    constructor(config) {
        this.config = config;
    }
    onModuleInit() {
        const path = (0, node_path_1.resolve)(this.config.auth.serviceAccountsFile);
        if (!(0, node_fs_1.existsSync)(path)) {
            this.logger.log(`No service account catalog at ${path}; client credentials are disabled`);
            return;
        }
        const parsed = service_account_1.serviceAccountCatalogSchema.safeParse((0, yaml_1.parse)((0, node_fs_1.readFileSync)(path, 'utf8')) ?? {});
        if (!parsed.success) {
            const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
            throw new Error(`Invalid service account catalog ${path}: ${issues}`);
        }
        for (const sa of parsed.data.serviceAccounts) {
            this.byClientId.set(sa.clientId, sa);
            this.byName.set(sa.name, sa);
        }
        this.logger.log(`Loaded ${this.byName.size} service account(s) from ${path}`);
    }
    findByClientId(clientId) {
        return this.byClientId.get(clientId);
    }
    findByName(name) {
        return this.byName.get(name);
    }
    all() {
        return [...this.byName.values()];
    }
};
exports.ServiceAccountCatalog = ServiceAccountCatalog;
exports.ServiceAccountCatalog = ServiceAccountCatalog = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [app_config_1.AppConfig])
], ServiceAccountCatalog);
let IssueServiceToken = class IssueServiceToken {
    catalog;
    hasher;
    tokens;
    organizations;
    audit;
    constructor(catalog, hasher, tokens, organizations, audit) {
        this.catalog = catalog;
        this.hasher = hasher;
        this.tokens = tokens;
        this.organizations = organizations;
        this.audit = audit;
    }
    async execute(input) {
        const sa = this.catalog.findByClientId(input.clientId);
        const ok = await this.hasher.verify(sa?.clientSecretHash ?? null, input.clientSecret);
        if (!sa || !ok)
            throw new domain_error_1.UnauthenticatedError('Unknown client or wrong secret', 'invalid_client');
        return this.issueFor(sa, input.scope?.split(' ').filter(Boolean), input.tenantId);
    }
    async issueFor(sa, scopes, tenantId) {
        const granted = scopes?.length ? scopes : sa.scopes;
        const extra = granted.filter((s) => !sa.scopes.includes(s));
        if (extra.length)
            throw new domain_error_1.InvalidError('invalid_scope', `Scopes not allowed for ${sa.name}: ${extra.join(', ')}`);
        if (tenantId) {
            if (!(0, service_account_1.mayUseTenant)(sa, tenantId))
                throw new domain_error_1.ForbiddenError(`${sa.name} may not act in this organization`, 'tenant_not_allowed');
            await this.organizations.execute((0, tenant_id_1.asTenantId)(tenantId));
        }
        const scope = granted.join(' ');
        const accessToken = await this.tokens.sign(`sa:${sa.name}`, {
            typ: 'service',
            scope,
            ...(tenantId ? { tid: tenantId } : { ten: sa.tenants === 'all' ? '*' : sa.tenants }),
        });
        if (tenantId) {
            await this.audit.record((0, tenant_id_1.asTenantId)(tenantId), {
                action: 'service_account.token_issued',
                target: sa.name,
                details: { scope },
                actor: { kind: 'service_account', id: sa.name },
            });
        }
        return {
            access_token: accessToken,
            token_type: 'Bearer',
            expires_in: this.tokens.accessTtlSeconds,
            scope,
        };
    }
};
exports.IssueServiceToken = IssueServiceToken;
exports.IssueServiceToken = IssueServiceToken = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [ServiceAccountCatalog,
        password_hasher_1.PasswordHasher,
        token_service_1.TokenService,
        organizations_use_cases_1.GetOrganization,
        audit_trail_1.AuditTrail])
], IssueServiceToken);
//# sourceMappingURL=service-accounts.js.map