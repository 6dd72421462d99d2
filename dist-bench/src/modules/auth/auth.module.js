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
exports.AuthModule = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const app_config_1 = require("../../config/app-config");
const principal_resolver_port_1 = require("../../shared/http/principal-resolver.port");
const tenancy_module_1 = require("../tenancy/tenancy.module");
const auth_ports_1 = require("./domain/auth.ports");
const password_hasher_1 = require("./application/password-hasher");
const signing_keys_1 = require("./application/signing-keys");
const token_service_1 = require("./application/token-service");
const sessions_1 = require("./application/sessions");
const user_sessions_use_cases_1 = require("./application/user-sessions.use-cases");
const api_keys_use_cases_1 = require("./application/api-keys.use-cases");
const service_accounts_1 = require("./application/service-accounts");
const api_key_orm_entity_1 = require("./adapters/api-key.orm-entity");
const typeorm_auth_repositories_1 = require("./adapters/typeorm-auth.repositories");
const redis_login_throttle_1 = require("./adapters/redis-login-throttle");
const credentials_principal_resolver_1 = require("./adapters/credentials-principal-resolver");
const auth_controller_1 = require("./adapters/auth.controller");
const jwks_controller_1 = require("./adapters/jwks.controller");
const api_keys_controller_1 = require("./adapters/api-keys.controller");
let AuthModule = class AuthModule {
    config;
    constructor(config) {
        this.config = config;
    }
    onModuleInit() {
        const { devSecretsInUse } = this.config.auth;
        if (this.config.nodeEnv === 'production' && devSecretsInUse.length) {
            new common_1.Logger('AuthModule').warn(`Using development defaults for ${devSecretsInUse.join(', ')} in production: set them (see .env.example)`);
        }
    }
};
exports.AuthModule = AuthModule;
exports.AuthModule = AuthModule = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({
        imports: [tenancy_module_1.TenancyModule, typeorm_1.TypeOrmModule.forFeature([api_key_orm_entity_1.ApiKeyRow])],
        controllers: [auth_controller_1.AuthController, jwks_controller_1.JwksController, api_keys_controller_1.ApiKeysController],
        providers: [
            { provide: auth_ports_1.UserRepository, useClass: typeorm_auth_repositories_1.SqlUserRepository },
            { provide: auth_ports_1.RefreshTokenRepository, useClass: typeorm_auth_repositories_1.SqlRefreshTokenRepository },
            { provide: auth_ports_1.SigningKeyRepository, useClass: typeorm_auth_repositories_1.SqlSigningKeyRepository },
            { provide: auth_ports_1.ApiKeyRepository, useClass: typeorm_auth_repositories_1.TypeOrmApiKeyRepository },
            { provide: auth_ports_1.LoginThrottle, useClass: redis_login_throttle_1.RedisLoginThrottle },
            { provide: principal_resolver_port_1.PrincipalResolver, useClass: credentials_principal_resolver_1.CredentialsPrincipalResolver },
            password_hasher_1.PasswordHasher,
            signing_keys_1.SigningKeys,
            token_service_1.TokenService,
            sessions_1.Sessions,
            user_sessions_use_cases_1.RegisterUser,
            user_sessions_use_cases_1.LogIn,
            user_sessions_use_cases_1.RefreshSession,
            user_sessions_use_cases_1.LogOut,
            user_sessions_use_cases_1.GetMe,
            api_keys_use_cases_1.ApiKeyAuthenticator,
            api_keys_use_cases_1.CreateApiKey,
            api_keys_use_cases_1.ListApiKeys,
            api_keys_use_cases_1.RevokeApiKey,
            service_accounts_1.ServiceAccountCatalog,
            service_accounts_1.IssueServiceToken,
        ],
        exports: [
            principal_resolver_port_1.PrincipalResolver,
            signing_keys_1.SigningKeys,
            token_service_1.TokenService,
            api_keys_use_cases_1.CreateApiKey,
            service_accounts_1.IssueServiceToken,
            service_accounts_1.ServiceAccountCatalog,
            user_sessions_use_cases_1.RegisterUser,
            password_hasher_1.PasswordHasher,
        ],
    }),
    __metadata("design:paramtypes", [app_config_1.AppConfig])
], AuthModule);
//# sourceMappingURL=auth.module.js.map