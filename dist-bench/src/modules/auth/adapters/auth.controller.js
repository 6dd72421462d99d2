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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuthController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const nestjs_cls_1 = require("nestjs-cls");
const auth_decorators_1 = require("../../../shared/http/auth.decorators");
const user_sessions_use_cases_1 = require("../application/user-sessions.use-cases");
const service_accounts_1 = require("../application/service-accounts");
const auth_dto_1 = require("./auth.dto");
let AuthController = class AuthController {
    registerUser;
    logIn;
    refreshSession;
    logOut;
    getMe;
    issueServiceToken;
    cls;
    constructor(registerUser, logIn, refreshSession, logOut, getMe, issueServiceToken, cls) {
        this.registerUser = registerUser;
        this.logIn = logIn;
        this.refreshSession = refreshSession;
        this.logOut = logOut;
        this.getMe = getMe;
        this.issueServiceToken = issueServiceToken;
        this.cls = cls;
    }
    register(body) {
        return this.registerUser.execute(body);
    }
    login(body, request) {
        return this.logIn.execute({ ...body, ip: request.ip });
    }
    refresh(body) {
        return this.refreshSession.execute(body.refreshToken);
    }
    async logout(principal, body) {
        await this.logOut.execute(principal, body?.refreshToken);
    }
    me(principal) {
        return this.getMe.execute(principal);
    }
    principal() {
        const principal = this.cls.get('principal');
        return { kind: principal?.kind ?? 'anonymous', tenantId: principal?.tenantId ?? null };
    }
    token(body) {
        return this.issueServiceToken.execute({
            clientId: body.client_id,
            clientSecret: body.client_secret,
            scope: body.scope,
            tenantId: body.tenant_id,
        });
    }
};
exports.AuthController = AuthController;
__decorate([
    (0, common_1.Post)('register'),
    (0, auth_decorators_1.Public)(),
    (0, swagger_1.ApiOperation)({ summary: 'Create an account (and optionally an organization it owns) and sign in' }),
    (0, swagger_1.ApiCreatedResponse)({ type: auth_dto_1.RegisterResultDto }),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [auth_dto_1.RegisterDto]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "register", null);
__decorate([
    (0, common_1.Post)('login'),
    (0, auth_decorators_1.Public)(),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({ summary: 'Sign in with email and password' }),
    (0, swagger_1.ApiOkResponse)({ type: auth_dto_1.TokenPairDto }),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [auth_dto_1.LoginDto, Object]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "login", null);
__decorate([
    (0, common_1.Post)('refresh'),
    (0, auth_decorators_1.Public)(),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({ summary: 'Exchange a refresh token for new tokens (the old refresh token stops working)' }),
    (0, swagger_1.ApiOkResponse)({ type: auth_dto_1.TokenPairDto }),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [auth_dto_1.RefreshDto]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "refresh", null);
__decorate([
    (0, common_1.Post)('logout'),
    (0, common_1.HttpCode)(204),
    (0, swagger_1.ApiOperation)({ summary: 'End the session: its refresh tokens stop working' }),
    (0, swagger_1.ApiNoContentResponse)({ description: 'Signed out' }),
    __param(0, (0, auth_decorators_1.CurrentPrincipal)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, auth_dto_1.LogoutDto]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "logout", null);
__decorate([
    (0, common_1.Get)('me'),
    (0, swagger_1.ApiOperation)({ summary: 'The caller: user and organizations (or the API key / service account)' }),
    (0, swagger_1.ApiOkResponse)({ type: auth_dto_1.MeDto }),
    __param(0, (0, auth_decorators_1.CurrentPrincipal)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "me", null);
__decorate([
    (0, common_1.Get)('principal'),
    (0, auth_decorators_1.Public)(),
    (0, swagger_1.ApiOperation)({ summary: 'What the sent credentials resolve to (anonymous when none); cheap, for probes' }),
    (0, swagger_1.ApiOkResponse)({ type: auth_dto_1.PrincipalDto }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", auth_dto_1.PrincipalDto)
], AuthController.prototype, "principal", null);
__decorate([
    (0, common_1.Post)('token'),
    (0, auth_decorators_1.Public)(),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({ summary: 'OAuth 2.0 client credentials: a scoped access token for a service account' }),
    (0, swagger_1.ApiOkResponse)({ type: auth_dto_1.ServiceTokenDto }),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [auth_dto_1.ClientCredentialsDto]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "token", null);
exports.AuthController = AuthController = __decorate([
    (0, swagger_1.ApiTags)('auth'),
    (0, common_1.Controller)('api/v1/auth'),
    __metadata("design:paramtypes", [user_sessions_use_cases_1.RegisterUser,
        user_sessions_use_cases_1.LogIn,
        user_sessions_use_cases_1.RefreshSession,
        user_sessions_use_cases_1.LogOut,
        user_sessions_use_cases_1.GetMe,
        service_accounts_1.IssueServiceToken,
        nestjs_cls_1.ClsService])
], AuthController);
//# sourceMappingURL=auth.controller.js.map