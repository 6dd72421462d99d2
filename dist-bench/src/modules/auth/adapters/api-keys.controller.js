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
exports.ApiKeysController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../../../shared/http/auth.decorators");
const api_keys_use_cases_1 = require("../application/api-keys.use-cases");
const auth_dto_1 = require("./auth.dto");
let ApiKeysController = class ApiKeysController {
    createApiKey;
    listApiKeys;
    revokeApiKey;
    constructor(createApiKey, listApiKeys, revokeApiKey) {
        this.createApiKey = createApiKey;
        this.listApiKeys = listApiKeys;
        this.revokeApiKey = revokeApiKey;
    }
    create(tenantId, principal, body) {
        return this.createApiKey.execute(tenantId, principal, body);
    }
    async list(tenantId) {
        return { items: await this.listApiKeys.execute(tenantId) };
    }
    async revoke(tenantId, id) {
        await this.revokeApiKey.execute(tenantId, id);
    }
};
exports.ApiKeysController = ApiKeysController;
__decorate([
    (0, common_1.Post)(),
    (0, auth_decorators_1.Scopes)('api_keys:manage'),
    (0, swagger_1.ApiOperation)({ summary: 'Create an API key (the secret is shown once)' }),
    (0, swagger_1.ApiCreatedResponse)({ type: auth_dto_1.CreatedApiKeyDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, auth_decorators_1.CurrentPrincipal)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, auth_dto_1.CreateApiKeyDto]),
    __metadata("design:returntype", Promise)
], ApiKeysController.prototype, "create", null);
__decorate([
    (0, common_1.Get)(),
    (0, auth_decorators_1.Scopes)('api_keys:read'),
    (0, swagger_1.ApiOperation)({ summary: "List the organization's API keys (prefix, scopes, last use, expiry)" }),
    (0, swagger_1.ApiOkResponse)({ type: auth_dto_1.ApiKeyListDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], ApiKeysController.prototype, "list", null);
__decorate([
    (0, common_1.Delete)(':id'),
    (0, common_1.HttpCode)(204),
    (0, auth_decorators_1.Scopes)('api_keys:manage'),
    (0, swagger_1.ApiOperation)({ summary: 'Revoke an API key; it fails on every instance from now on' }),
    (0, swagger_1.ApiNoContentResponse)({ description: 'Revoked' }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', new common_1.ParseUUIDPipe())),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], ApiKeysController.prototype, "revoke", null);
exports.ApiKeysController = ApiKeysController = __decorate([
    (0, swagger_1.ApiTags)('api-keys'),
    (0, common_1.Controller)('api/v1/api-keys'),
    __metadata("design:paramtypes", [api_keys_use_cases_1.CreateApiKey,
        api_keys_use_cases_1.ListApiKeys,
        api_keys_use_cases_1.RevokeApiKey])
], ApiKeysController);
//# sourceMappingURL=api-keys.controller.js.map